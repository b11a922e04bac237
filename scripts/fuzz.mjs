// `npm run fuzz [-- <cases per stage>]`: the long mode of test/fuzz.test.ts (100,000 cases per stage by default).
import { spawnSync } from 'node:child_process';

const runs = process.argv[2] ?? process.env.GRADSTEP_FUZZ_RUNS ?? '100000';
if (!/^[1-9]\d*$/.test(runs)) {
  console.error(`usage: npm run fuzz [-- <cases per stage>]; got '${runs}'`);
  process.exit(2);
}
// CI's property tests use a fixed seed; the long mode explores a new one each time (printed, to replay a failure).
const seed = process.env.FC_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
console.log(`fuzzing with ${runs} cases per stage, FC_SEED=${seed} (this takes a while)…`);
const result = spawnSync('npx', ['vitest', 'run', '--project', 'unit', 'test/fuzz.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, GRADSTEP_FUZZ_RUNS: runs, FC_SEED: seed },
  shell: process.platform === 'win32',
});
process.exit(result.status ?? 1);
