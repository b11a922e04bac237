import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { optimizeCommand } from '../src/cli/optimize-command.js';
import { optimize } from '../src/optim/index.js';
import { captureIO } from './support/cli.js';

/** torch.optim's formulas in numpy float64 (fixtures/scripts/make_overflow.py). */
const reference = JSON.parse(readFileSync('fixtures/overflow.json', 'utf8')) as {
  start: number;
  lr: number;
  steps: number;
  runs: { optimizer: string; path: (number | string)[]; secondMoment: (number | string)[] }[];
};

describe('an optimizer whose g⊙g overflows stops and says why', () => {
  for (const optimizer of ['adam', 'rmsprop', 'adagrad'] as const) {
    it(`${optimizer} on exp(x) from 470 (torch's formulas stall there without a word)`, () => {
      const torch = reference.runs.find((r) => r.optimizer === optimizer);
      // The reference: the second moment is infinite after the first step and the parameter never moves.
      expect(torch?.secondMoment[0]).toBe('Infinity');
      expect(new Set(torch?.path)).toEqual(new Set([reference.start]));
      for (const convention of ['textbook', 'pytorch', 'keras'] as const) {
        const t = optimize({
          expr: 'exp(x)',
          optimizer,
          convention,
          start: [reference.start],
          lr: reference.lr,
          steps: reference.steps,
        });
        expect(t.status, convention).toBe('stopped');
        expect(t.steps).toHaveLength(1);
        expect(t.path).toEqual([[reference.start]]);
        expect(t.message?.en).toMatch(
          /^Stopped at step 0: the .* overflowed to infinity \(the gradient is about 1\.31343e\+204/,
        );
        expect(t.message?.ko).toContain('무한대로 넘쳤습니다');
      }
    });
  }

  it('leaves runs whose state stays finite alone', () => {
    const t = optimize({ expr: 'exp(x)', optimizer: 'adam', start: [100], lr: 0.1, steps: 5 });
    expect(t.status).toBe('max-steps');
    expect(t.path.at(-1)?.[0]).toBeLessThan(100);
  });

  it('gradstep optimize prints the message and the stopped status', () => {
    const io = captureIO();
    optimizeCommand.run(['exp(x)', '--optimizer', 'adam', '--start', '470', '--lr', '0.1', '--steps', '5'], io);
    const out = io.stdout.join('\n');
    expect(out).toContain('overflowed to infinity');
    const ko = captureIO();
    optimizeCommand.run(
      ['exp(x)', '--optimizer', 'rmsprop', '--start', '470', '--lr', '0.1', '--steps', '5', '--json', '--lang', 'ko'],
      ko,
    );
    const json = JSON.parse(ko.stdout.join('\n')) as { status: string; messages: { ko: string } };
    expect(json.status).toBe('stopped');
    expect(json.messages.ko).toContain('무한대로 넘쳤습니다');
  });
});
