/** Defines <gs-answer> (and the elements it renders) on import: `import 'gradstep/components/gs-answer.js'`. */
import { defineElement } from '../define.js';
import { GsAnswer } from '../gs-answer.js';

export * from '../gs-answer.js';

defineElement('gs-answer', GsAnswer);
