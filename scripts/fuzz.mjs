// `npm run fuzz [-- <cases per stage>]`: the long mode of test/fuzz.test.ts (100,000 cases per stage by default).
import { spawnSync } from 'node:child_process';

const runs = process.argv[2] ?? process.env.GRADSTEP_FUZZ_RUNS ?? '100000';
if (!/^[1-9]\d*$/.test(runs)) {
  console.error(`usage: npm run fuzz [-- <cases per stage>]; got '${runs}'`);
  process.exit(2);
}
console.log(`fuzzing with ${runs} cases per stage (this takes a while)…`);
const result = spawnSync('npx', ['vitest', 'run', '--project', 'unit', 'test/fuzz.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, GRADSTEP_FUZZ_RUNS: runs },
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
