/**
 * gradstep's answers against a textbook's printed answers (fixtures/textbook.json:
 * APEX Calculus 4.0, sections 2.3–2.7). An answer has the book's form when it has
 * the same terms and factors as one of the forms the book prints, up to order
 * (`sameForm`). Sizes are compared as the clean-ups write both (numbers multiplied
 * out, quotients as negative powers), in nodes as `answerSize` counts them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answerSize, sameForm, sameFunction, textbookForm } from '../src/calculus/forms.js';
import { differentiate } from '../src/calculus/index.js';
import type { Expr } from '../src/expr/ast.js';
import { parse } from '../src/expr/parse.js';
import { toText } from '../src/expr/print-text.js';

interface Exercise {
  readonly id: string;
  readonly section: string;
  readonly exercise: number;
  readonly function: string;
  readonly wrt: string;
  readonly order: number;
  readonly answers: readonly string[];
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/textbook.json', import.meta.url), 'utf8')) as {
  readonly exercises: readonly Exercise[];
};

/** Answers where the book rewrites the question first (an identity gradstep does not use): the size target is not met. */
const LARGER_THAN_BOOK: Record<string, string> = {
  '2.5-26': 'the book writes 3^w/2^w as (3/2)^w',
  '2.5-44b': 'the book writes 2^x 3^x 4^x as 24^x',
};

const size = (e: Expr) => answerSize(textbookForm(e));

const results = fixture.exercises.map((ex) => {
  const d = differentiate(ex.function, { wrt: ex.wrt, order: ex.order, vars: [ex.wrt] });
  const book = ex.answers.map((a) => parse(a, { vars: [ex.wrt] }).expr);
  const match = book.findIndex((b) => sameForm(b, d.result));
  // The book's size: the form ours matches, else the book's smallest printed form.
  const reference =
    match >= 0 ? (book[match] as Expr) : book.reduce((a, b) => (size(a) <= size(b) ? a : b), book[0] as Expr);
  return { ex, d, book, match, ratio: size(d.result) / size(reference) };
});

describe('answers in the textbook form (APEX Calculus, sections 2.3–2.7)', () => {
  it('covers at least 80 exercises, each of them equal to the book', () => {
    expect(results.length).toBeGreaterThanOrEqual(80);
    for (const r of results) {
      const equal = r.book.every((b) => sameFunction(b, r.d.result));
      expect([r.ex.id, equal]).toEqual([r.ex.id, true]);
    }
  });

  it("has the book's form for at least 85 % of the answers", () => {
    const matched = results.filter((r) => r.match >= 0).length;
    const share = matched / results.length;
    const misses = results
      .filter((r) => r.match < 0)
      .map((r) => `  ${r.ex.id}: ${toText(r.d.result)}   book: ${r.ex.answers.join(' ; ')}`);
    console.log(
      `textbook form: ${matched}/${results.length} answers (${(100 * share).toFixed(1)} %) have the book's form\n${misses.join('\n')}`,
    );
    expect(share).toBeGreaterThanOrEqual(0.85);
  });

  it("is no more than 1.3× the book's size, but for the answers listed with the reason", () => {
    const over = results.filter((r) => r.ratio > 1.3);
    const worst = Math.max(...results.filter((r) => !(r.ex.id in LARGER_THAN_BOOK)).map((r) => r.ratio));
    console.log(
      `size against the book: worst ${worst.toFixed(2)}× outside the listed exceptions; over 1.3×: ${over
        .map((r) => `${r.ex.id} (${r.ratio.toFixed(2)}×)`)
        .join(', ')}`,
    );
    expect(over.map((r) => r.ex.id).sort()).toEqual(Object.keys(LARGER_THAN_BOOK).sort());
  });
});
