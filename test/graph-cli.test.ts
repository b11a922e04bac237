import { describe, expect, it } from 'vitest';
import reference from '../fixtures/graph.json' with { type: 'json' };
import { run } from '../src/cli/main.js';
import { captureIO } from './support/cli.js';

const NEURON = ['graph', '(1/(1+e^(-(w*x+b))) - y)^2', '--params', 'w,b', '--at', 'w=0.5,b=0.1,x=2,y=1'];
const expected = reference.cases[0]?.gradient as number[];

describe('gradstep graph', () => {
  it('is listed in --help', async () => {
    const io = captureIO();
    await run(['--help'], io);
    expect(io.stdout.join('\n')).toMatch(/\n {2}graph +backpropagation/);
  });

  it('prints nodes, edges and the gradient as a table by default', async () => {
    const io = captureIO();
    expect(await run(NEURON, io)).toBe(0);
    const out = io.stdout.join('\n');
    expect(out).toContain('v1    v1 = w*x      1         -0.0935875');
    expect(out).toContain('∂L/∂v8   2*v8              -0.49948');
    expect(out).toContain('gradient: ∂L/∂w = -0.187175, ∂L/∂b = -0.0935875');
  });

  it('--json gives the gradient SymPy gives', async () => {
    const io = captureIO();
    expect(await run([...NEURON, '--json'], io)).toBe(0);
    const json = JSON.parse(io.stdout.join('\n'));
    expect(json.gradient.w).toBeCloseTo(expected[0] as number, 12);
    expect(json.gradient.b).toBeCloseTo(expected[1] as number, 12);
    expect(json.nodes.find((n: { name: string }) => n.name === 'w').param).toBe(true);
  });

  it('--dot writes Graphviz with values and adjoints in the labels, in the chosen language', async () => {
    const io = captureIO();
    expect(await run([...NEURON, '--dot', '--lang', 'ko'], io)).toBe(0);
    const dot = io.stdout.join('\n');
    expect(dot).toMatch(/^digraph computation \{\n {2}rankdir=LR;/);
    expect(dot).toContain('n0 [label="w (매개변수)\\n값 = 0.5\\n∂L/∂w = -0.187175"');
    expect(dot).toContain('n0 -> n2 [label="∂v1/∂w = x = 2"];');
    expect(dot.trimEnd().endsWith('}')).toBe(true);
  });

  it('refuses a malformed --at, a missing value and an unknown option with status 2', async () => {
    for (const args of [
      ['graph', 'w*x', '--at', 'w=1,x=oops'],
      ['graph', 'w*x', '--at', 'w=1,w=2,x=1'],
      ['graph', 'w*x', '--params', 'w', '--at', 'w=1'],
      ['graph', 'w*x', '--at', 'w=1,x=2', '--svg'],
    ]) {
      const io = captureIO();
      expect(await run(args, io)).toBe(2);
      expect(io.stderr.join('\n')).toMatch(/^gradstep graph: /);
    }
  });
});
