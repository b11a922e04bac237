/**
 * Compiled engines of other commits, for the scripts that set two commits side by side
 * (compare-commits.mjs times them, compare-outputs.mjs diffs their outputs). Each commit is
 * checked out in its own worktree under /tmp and compiled with its own tsconfig.bench.json,
 * as `npm run bench` compiles the engine.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { resolve } from 'node:path';

const here = resolve('.');
const tsc = resolve('node_modules/typescript/bin/tsc');

/** git in this checkout, its output trimmed. */
export const git = (...args) => execFileSync('git', args, { cwd: here, encoding: 'utf8' }).trim();

/** Compiles one tree's engine with its own tsconfig.bench.json into `outDir`. */
export function compileEngine(root, outDir) {
  rmSync(outDir, { recursive: true, force: true });
  try {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.bench.json', '--outDir', outDir], {
      cwd: root,
      stdio: 'inherit',
    });
  } catch (error) {
    // Type errors still emit; only a missing output is fatal.
    if (!existsSync(resolve(outDir, 'src'))) throw error;
  }
}

const added = [];

/**
 * A commit's engine, compiled in its own worktree `/tmp/<prefix>-<sha>` (added now, or reused from a
 * `--keep` run); returns the folder of the compiled output.
 */
export function commitEngine(sha, prefix) {
  const dir = `/tmp/${prefix}-${sha.slice(0, 12)}`;
  const out = resolve(dir, 'dist/compare');
  const fresh = !existsSync(dir);
  if (fresh) {
    git('worktree', 'add', '--detach', dir, sha);
    added.push(dir);
  }
  if (!existsSync(resolve(dir, 'node_modules'))) {
    symlinkSync(realpathSync(resolve('node_modules')), resolve(dir, 'node_modules'), 'dir');
  }
  if (fresh || !existsSync(resolve(out, 'src'))) compileEngine(dir, out);
  return out;
}

/** Removes the worktrees this run added. */
export function removeAddedWorktrees() {
  for (const dir of added) git('worktree', 'remove', '--force', dir);
}
