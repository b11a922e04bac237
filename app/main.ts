import '../components/index.js';
