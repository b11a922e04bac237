import { describe, expect, it } from 'vitest';
import { optimizeCommand } from '../src/cli/optimize-command.js';
import { captureIO } from './support/cli.js';

const run = (args: string[]) => {
  const io = captureIO();
  const status = optimizeCommand.run(args, io) as number;
  return { status, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
};

describe('gradstep optimize', () => {
  it('prints the JSON shape of the issue, with path[0] the start', () => {
    const r = run(['x^2 - 4x + 6', '--optimizer', 'gd', '--lr', '0.2', '--start', '4', '--steps', '3', '--json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.out) as {
      optimizer: string;
      convention: string;
      status: string;
      path: number[][];
      values: number[];
      steps: {
        k: number;
        w: number[];
        grad: number[];
        state: unknown;
        tex: { general: string; substituted: string };
      }[];
    };
    expect(json.optimizer).toBe('gd');
    expect(json.convention).toBe('textbook');
    expect(json.status).toBe('max-steps');
    expect(json.path[0]).toEqual([4]);
    expect(json.path[1]).toEqual([3.2]);
    expect(json.values[0]).toBe(6);
    expect(json.steps[0]).toMatchObject({ k: 0, w: [4], grad: [4] });
    expect(json.steps[0]?.tex.substituted).toBe('x^{(1)} = 4 - 0.2\\cdot 4 = 3.2');
    expect(json.steps[0]?.state).toEqual({ before: {}, after: {} });
  });

  it("holds the function's other names at the values of --at, as the error suggests", () => {
    const args = ['a t^2 + b t', '--vars', 't', '--optimizer', 'gd', '--lr', '0.1', '--start', '3', '--steps', '1'];
    const refused = run(args);
    expect(refused.status).toBe(2);
    expect(refused.err).toContain('(at: a=1, b=1)');
    const r = run([...args, '--at', 'a=2, b=-4']);
    expect(r.status).toBe(0);
    // f'(t) = 2at + b = 12 − 4 = 8 at t = 3, so t ← 3 − 0.1·8
    expect(r.out).toContain('held constant: a = 2, b = -4');
    expect(r.out).toContain('k=0  w = 3  f = 6  g = 8  → 2.2');
    const json = JSON.parse(run([...args, '--at', 'a=2,b=-4', '--json']).out) as { constants: unknown; vars: string[] };
    expect(json).toMatchObject({ constants: { a: 2, b: -4 }, vars: ['t'] });
    expect(run([...args, '--at', 'a=2,t=1']).err).toContain("'t' is both a variable to optimise and a constant");
    expect(run([...args, '--at', 'a=oops']).err).toContain('expected name=number pairs');
    expect(optimizeCommand.usage('en')).toContain('--at a=1,b=2');
  });

  it('passes hyper-parameters and the convention through', () => {
    const r = run([
      '3(x-2)^2 + (y-2)^2',
      '--optimizer',
      'rmsprop',
      '--convention',
      'pytorch',
      '--lr',
      '0.1',
      '--rho',
      '0.5',
      '--delta',
      '1e-6',
      '--start',
      '4,4',
      '--steps',
      '2',
      '--json',
    ]);
    const json = JSON.parse(r.out) as { convention: string; hyper: Record<string, number>; steps: unknown[] };
    expect(json.convention).toBe('pytorch');
    expect(json.hyper).toEqual({ rho: 0.5, delta: 1e-6 });
    expect(json.steps.length).toBe(2);
  });

  it('prints a table of k, w, f(w), |g|', () => {
    const r = run(['x^2 - 4x + 6', '--optimizer', 'sgd', '--lr', '0.2', '--start', '4', '--steps', '2', '--table']);
    expect(r.status).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(/^k\s+x\s+f\(w\)\s+\|g\|$/);
    expect(lines[1]).toMatch(/^0\s+4\s+6\s+4$/);
    expect(lines[2]).toMatch(/^1\s+3\.2\s+3\.44\s+2\.4$/);
    expect(lines.at(-1)).toBe('ran every step asked for');
  });

  it('prints TeX for every step', () => {
    const r = run(['x^2 - 4x + 6', '--optimizer', 'gd', '--lr', '0.2', '--start', '4', '--steps', '1', '--tex']);
    expect(r.out).toContain('\\nabla f(4) = 2\\cdot 4-4 = 4');
  });

  it('reports divergence in the status, in Korean too', () => {
    const r = run(['x^2', '--optimizer', 'gd', '--lr', '5', '--start', '1', '--steps', '100', '--lang', 'ko']);
    expect(r.status).toBe(0);
    expect(r.out).toMatch(/^\d+단계에서 발산했습니다/m);
  });

  it('exits 2 on bad input', () => {
    for (const args of [
      ['x^2', '--optimizer', 'gd', '--lr', '-1', '--start', '1'],
      ['x^2', '--optimizer', 'gd', '--lr', 'abc', '--start', '1'],
      ['x^2', '--optimizer', 'gd', '--lr', '0.1'],
      ['x^2', '--optimizer', 'nope', '--lr', '0.1', '--start', '1'],
      ['x^2', '--optimizer', 'rmsprop', '--lr', '0.1', '--start', '1', '--rho', '1'],
      ['x^2', '--optimizer', 'gd', '--lr', '0.1', '--start', '1,2'],
      ['x^2', '--optimizer', 'gd', '--lr', '0.1', '--start', '1', '--frobnicate', '3'],
      ['x^^2', '--optimizer', 'gd', '--lr', '0.1', '--start', '1'],
      ['--optimizer', 'gd'],
    ]) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.err.length).toBeGreaterThan(0);
    }
  });
});
