import { describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import '../components/define/gs-answer.js';
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

  it('says it cannot decide at magnitudes near 1e308, without a ✗, in both languages', async () => {
    const el = await mount('gs-answer', { problem: '1e308*x^2/10' });
    expect((await answer(el, '2*1e308*x/10')).verdict).toBe('out-of-range');
    const verdict = (el.shadowRoot as ShadowRoot).querySelector('[part="verdict"]') as HTMLElement;
    expect(verdict.dataset.verdict).toBe('out-of-range');
    expect(verdict.classList.contains('open')).toBe(true);
    expect(verdict.querySelector('.mark')?.textContent).toBe('?');
    expect(verdict.textContent).toContain('Cannot decide at these magnitudes');
    expect(verdict.textContent).not.toContain('undefined');
    el.setAttribute('lang', 'ko');
    await el.updateComplete;
    expect(verdict.isConnected ? verdict.textContent : '').toContain('이 크기에서는 판정할 수 없습니다');
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
    const root = el.shadowRoot as ShadowRoot;
    expect(root.querySelector('[part="verdict"] [part="error"] mark')).not.toBeNull();
    // The reading error is said once: in the verdict, not again under it or in the echo.
    const error = detail.verdict === 'invalid-answer' ? (el.lastResult?.error?.messages.en ?? '') : '';
    expect(error).not.toBe('');
    expect(root.textContent?.split(error).length).toBe(2);
  });

  it('says each verdict once and typesets the quoted expressions', async () => {
    const el = await mount('gs-answer', { problem: '(2x - 1)^3' });
    await answer(el, '3(2x - 1)^2');
    const verdict = (el.shadowRoot as ShadowRoot).querySelector('[part="verdict"]') as HTMLElement;
    const text = verdict.querySelector('.message')?.textContent ?? '';
    expect(text.match(/Not correct/g)?.length).toBe(1);
    expect(text).not.toContain('Not quite');
    // No ASCII expression is left in the message: they are KaTeX.
    expect(text).not.toContain('2*x');
    expect(texIn(verdict.querySelector('.message') as Element)).toEqual(
      expect.arrayContaining(['(2x-1)^{3}', '2x-1', 'x = 2']),
    );
    const good = await mount('gs-answer', { problem: 'x^2' });
    await answer(good, '2x');
    const goodText = (good.shadowRoot as ShadowRoot).querySelector('[part="verdict"]')?.textContent ?? '';
    expect(goodText.match(/Correct/g)?.length).toBe(1);
  });

  it('prints a counterexample with enough digits to show the difference', async () => {
    const el = await mount('gs-answer', { problem: 'x^3' });
    await answer(el, '3x^2 + 0.0000001');
    const verdict = (el.shadowRoot as ShadowRoot).querySelector('[part="verdict"]') as HTMLElement;
    expect(verdict.querySelector('.message')?.textContent).toContain('12.0000001');
    expect(texIn(verdict.querySelector('.counterexample') as Element).join(' ')).toContain('12.0000001');
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

  describe('as a form control', () => {
    async function inForm(html: string): Promise<{ form: HTMLFormElement; el: GsAnswer }> {
      const form = document.createElement('form');
      form.innerHTML = html;
      document.body.append(form);
      const el = form.querySelector('gs-answer') as GsAnswer;
      await el.updateComplete;
      return { form, el };
    }
    const inputOf = (el: GsAnswer) => (el.shadowRoot as ShadowRoot).querySelector('input') as HTMLInputElement;

    it('resets to its value attribute, not to empty', async () => {
      const { form, el } = await inForm('<gs-answer problem="x^3" name="q" value="3x^2"></gs-answer>');
      expect(el.defaultValue).toBe('3x^2');
      el.value = '3x';
      await el.updateComplete;
      expect(new FormData(form).get('q')).toBe('3x');
      form.reset();
      await el.updateComplete;
      expect(el.value).toBe('3x^2');
      expect(inputOf(el).value).toBe('3x^2');
      expect(new FormData(form).get('q')).toBe('3x^2');
      form.remove();
    });

    it('restores the state the browser saved (back/forward, autofill)', async () => {
      const { form, el } = await inForm('<gs-answer problem="x^3" name="q"></gs-answer>');
      el.formStateRestoreCallback('3*x^2');
      await el.updateComplete;
      expect(inputOf(el).value).toBe('3*x^2');
      expect(new FormData(form).get('q')).toBe('3*x^2');
      form.remove();
    });

    it('is disabled by its attribute and by a disabled fieldset: no input, no check, not submitted', async () => {
      const { form, el } = await inForm(
        '<fieldset><gs-answer problem="x^3" name="q" value="3x^2" required></gs-answer></fieldset>',
      );
      const fieldset = form.querySelector('fieldset') as HTMLFieldSetElement;
      expect(new FormData(form).get('q')).toBe('3x^2');
      fieldset.disabled = true;
      await el.updateComplete;
      expect(inputOf(el).disabled).toBe(true);
      expect(el.check()).toBeUndefined();
      expect(new FormData(form).has('q')).toBe(false);
      expect(el.willValidate).toBe(false);
      fieldset.disabled = false;
      await el.updateComplete;
      expect(inputOf(el).disabled).toBe(false);
      el.disabled = true;
      await el.updateComplete;
      expect(el.hasAttribute('disabled')).toBe(true);
      expect(inputOf(el).disabled).toBe(true);
      expect(new FormData(form).has('q')).toBe(false);
      expect(el.check()).toBeUndefined();
      form.remove();
    });

    it('when required and empty is invalid with a message in its language, and blocks submission', async () => {
      const { form, el } = await inForm('<gs-answer problem="x^3" name="q" required lang="ko"></gs-answer>');
      expect(el.validity.valueMissing).toBe(true);
      expect(el.validationMessage).toBe('답을 입력하세요.');
      expect(form.checkValidity()).toBe(false);
      el.lang = 'en';
      await el.updateComplete;
      expect(el.validationMessage).toBe('Enter an answer.');
      el.value = '3x^2';
      await el.updateComplete;
      expect(el.validity.valid).toBe(true);
      expect(form.checkValidity()).toBe(true);
      el.setCustomValidity('Answer every part first.');
      expect(el.validationMessage).toBe('Answer every part first.');
      expect(el.validity.customError).toBe(true);
      el.setCustomValidity('');
      expect(el.validity.valid).toBe(true);
      form.remove();
    });

    it('delegates focus to its text field, and a label focuses it', async () => {
      const { form, el } = await inForm('<label for="a">Q1</label><gs-answer id="a" problem="x^3"></gs-answer>');
      el.focus();
      expect(document.activeElement).toBe(el);
      expect((el.shadowRoot as ShadowRoot).activeElement).toBe(inputOf(el));
      expect([...el.labels].map((l) => l.textContent)).toEqual(['Q1']);
      form.remove();
    });
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
      for (const [width, height] of [
        [1280, 900],
        [390, 844],
      ] as const) {
        await page.viewport(width, height);
        el.style.width = `${width - 40}px`;
        await el.updateComplete;
        await page.screenshot({ path: `../screenshots/gs-answer-forms-${lang}-${width}.png`, element: el });
      }
      el.style.width = '';
      el.remove();
    }
  });
});
