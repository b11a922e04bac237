import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../components/gs-answer.js';
import type { CheckEventDetail, GsAnswer } from '../components/gs-answer.js';
import { mount, texIn } from './support/dom.js';

async function answer(el: GsAnswer, text: string): Promise<CheckEventDetail> {
  const input = (el.shadowRoot as ShadowRoot).querySelector('input') as HTMLInputElement;
  const event = new Promise<CheckEventDetail>((resolve) =>
    document.addEventListener('gs-check', (e) => resolve((e as CustomEvent<CheckEventDetail>).detail), { once: true }),
  );
  input.focus();
  await userEvent.clear(input);
  await userEvent.type(input, text);
  await userEvent.keyboard('{Enter}');
  const detail = await event;
  await el.updateComplete;
  return detail;
}

describe('gs-answer', () => {
  it('accepts 6(2x-1)^2 for (2x-1)^3 and fires a composed gs-check', async () => {
    const el = await mount('gs-answer', { problem: '(2x-1)^3', wrt: 'x' });
    const detail = await answer(el, '6(2x-1)^2');
    expect(detail).toEqual({ verdict: 'correct', correct: true, answer: '6(2x-1)^2', form: 'textbook' });
    const verdict = (el.shadowRoot as ShadowRoot).querySelector('[part="verdict"]') as HTMLElement;
    expect(verdict.dataset.verdict).toBe('correct');
  });

  it('reads the other names as parameters and samples them too', async () => {
    const el = await mount('gs-answer', { problem: 'a t^2 + b t', vars: 't' });
    expect((await answer(el, '2at + b')).verdict).toBe('correct');
    expect((await answer(el, '2t + b')).verdict).toBe('incorrect');
  });

  it('names the forgotten chain factor for 3(2x-1)^2, shows where the answers differ, and highlights the step', async () => {
    const el = await mount('gs-answer', { problem: '(2x-1)^3', wrt: 'x', reveal: '' });
    const detail = await answer(el, '3(2x-1)^2');
    expect(detail.verdict).toBe('incorrect');
    expect(detail.diagnosis).toBe('chain-factor-missing');
    const root = el.shadowRoot as ShadowRoot;
    expect(root.querySelector('[data-diagnosis="chain-factor-missing"]')).not.toBeNull();
    expect(root.querySelector('.counterexample gs-plot')).not.toBeNull();
    (root.querySelector('[part="solution"] button') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(root.querySelector('li.step.marked')).not.toBeNull();
    el.style.width = '400px';
    await page.screenshot({ path: '../screenshots/gs-answer.png', element: el });
  });

  it('echoes how the answer is read as the student types, and reports unreadable input in place', async () => {
    const el = await mount('gs-answer', { problem: 'x^2' });
    const input = (el.shadowRoot as ShadowRoot).querySelector('input') as HTMLInputElement;
    await userEvent.type(input, '2x');
    await el.updateComplete;
    expect(texIn((el.shadowRoot as ShadowRoot).querySelector('[part="echo"]') as Element)).toEqual(['2x']);
    const detail = await answer(el, '2x +');
    expect(detail.verdict).toBe('invalid-answer');
    expect((el.shadowRoot as ShadowRoot).querySelector('[part="verdict"] [part="error"]')).not.toBeNull();
  });

  it('takes part in a form: name, value and validity', async () => {
    const form = document.createElement('form');
    document.body.append(form);
    const el = document.createElement('gs-answer');
    el.setAttribute('problem', 'x^3');
    el.setAttribute('name', 'q1');
    el.required = true;
    form.append(el);
    await el.updateComplete;
    expect(el.form).toBe(form);
    expect(el.checkValidity()).toBe(false);
    el.value = '3x^2';
    await el.updateComplete;
    expect(el.checkValidity()).toBe(true);
    expect(new FormData(form).get('q1')).toBe('3x^2');
    el.value = '3x^^2';
    await el.updateComplete;
    expect(el.checkValidity()).toBe(false);
  });

  it('names the form of a correct answer and shows the others, in English and Korean', async () => {
    for (const lang of ['en', 'ko'] as const) {
      const el = await mount('gs-answer', { problem: 'x^2 e^x', lang });
      const detail = await answer(el, 'x(x+2)e^x');
      expect(detail.form).toBe('factored');
      const root = el.shadowRoot as ShadowRoot;
      const message = root.querySelector('[part="verdict"] .message')?.textContent ?? '';
      expect(message).toContain(lang === 'en' ? 'factored form' : '인수분해한 꼴');
      const forms = root.querySelector('[part="other-forms"]') as HTMLElement;
      expect(forms.textContent).toContain(lang === 'en' ? 'Also written as' : '다르게 쓰면');
      const names = [...forms.querySelectorAll('li')].map((li) => li.dataset.form);
      expect(names).toContain('textbook');
      expect(names).not.toContain('factored');
      expect(texIn(forms.querySelector('li[data-form="textbook"]') as Element).join(' ')).toContain(
        '2xe^{x}+x^{2}e^{x}',
      );
      for (const width of [1280, 390]) {
        el.style.width = `${width}px`;
        await page.screenshot({ path: `../screenshots/gs-answer-forms-${lang}-${width}.png`, element: el });
      }
      el.remove();
    }
  });
});
