// `npm run bench`: runs every suite in bench/suites and prints Markdown for BENCHMARKS.md.
// `npm run bench -- simplify` runs the suites whose file name contains "simplify".
import { readdirSync } from 'node:fs';
import { arch, cpus, platform } from 'node:os';

const filter = process.argv[2] ?? '';
const dir = new URL('./suites/', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => /\.bench\.(ts|js)$/.test(f) && f.includes(filter))
  .sort();

console.log(
  `# gradstep benchmarks\n\nnode ${process.version}, ${platform()} ${arch()}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${cpus().length}\n`,
);
for (const file of files) {
  const suite = (await import(new URL(file, dir).href)) as { run: () => Promise<string> | string };
  console.log(await suite.run());
  console.log();
}
if (files.length === 0) console.log('no benchmark suites matched');
