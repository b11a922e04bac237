/**
 * The tutor app: the lesson and the playground, one page, its state in the URL.
 * `mountApp(root)` renders into any element (the page's #app, or a test's div).
 */
import '../components/index.js';
// Each element defines itself; importing them here keeps the app whole while components/index.ts grows.
import '../components/define/gs-answer.js';
import '../components/define/gs-derivative.js';
import '../components/define/gs-gradient.js';
import '../components/define/gs-optimizer.js';
import '../components/define/gs-optimizer-race.js';
import '../components/define/gs-plot.js';
import '../components/define/gs-surface.js';
import './app.css';
import { html, render, type TemplateResult } from 'lit';
import { markScrollCue, scrollCueStyles } from '../components/shared/scroll-cue.js';
import { LANGS, type Lang, messagesFor, toLang } from '../src/i18n/index.js';
import { UI } from './content.js';
import { lessonView } from './lesson.js';
import { playgroundView } from './playground.js';
import { type AppState, firstStep, readState, type Tab, type View, writeState } from './state.js';

export interface MountOptions {
  /** The language for a first visit without `lang` in the URL (default: the browser's). */
  readonly fallbackLang?: Lang;
  /** The window whose location and history hold the state (default: the root's window). */
  readonly window?: Window;
}

export interface MountedApp {
  readonly root: HTMLElement;
  state(): AppState;
  /** Changes the state as a user action would: pushes (or replaces) a history entry and renders. */
  navigate(patch: Partial<AppState>, mode?: 'push' | 'replace'): void;
  /** Resolves after the app and the elements it rendered have updated. */
  settled(): Promise<void>;
  unmount(): void;
}

/** The boxes of the page that may scroll sideways (the elements mark their own). */
const SCROLLERS = 'gs-math[display], .table-wrap, .tabs, .examples';

class TutorApp implements MountedApp {
  private current: AppState;
  private readonly openSolutions = new Set<string>();
  /** True while the function box is being typed in: the first keystroke pushes, the rest replace. */
  private editing = false;
  private copied = false;
  /** The language of the last render, to tell the components when it changes. */
  private renderedLang: Lang | undefined;
  private readonly fallbackLang: Lang;

  constructor(
    readonly root: HTMLElement,
    private readonly win: Window,
    fallbackLang: Lang,
  ) {
    this.fallbackLang = fallbackLang;
    this.current = readState(win.location.search, fallbackLang);
    // The scroll cue's one style sheet, shared with the elements' shadow roots.
    const doc = root.ownerDocument;
    const sheet = scrollCueStyles.styleSheet;
    if (sheet && !doc.adoptedStyleSheets.includes(sheet)) doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    win.addEventListener('popstate', this.onPopState);
    win.addEventListener('resize', this.onResize);
    // Scroll events do not bubble: listen in the capture phase for the formulas and tables.
    root.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    this.render();
  }

  state(): AppState {
    return this.current;
  }

  navigate(patch: Partial<AppState>, mode: 'push' | 'replace' = 'push'): void {
    const next: AppState = { ...this.current, ...patch };
    const newFunction = patch.expr !== undefined && patch.expr !== this.current.expr;
    // A new function or optimizer starts the stepper from the beginning.
    const restart = newFunction || (patch.optimizer !== undefined && patch.optimizer !== this.current.optimizer);
    this.current = restart && patch.step === undefined ? { ...next, step: firstStep(next.mode) } : next;
    // A new function gets its own tangent point and fresh answer boxes.
    if (newFunction && !('probe' in patch)) this.current = { ...this.current, probe: undefined };
    if (newFunction && !('answers' in patch)) this.current = { ...this.current, answers: [] };
    if (patch.expr === undefined) this.editing = false;
    const url = `${writeState(this.current)}${this.win.location.hash}`;
    if (mode === 'push') this.win.history.pushState(null, '', url);
    else this.win.history.replaceState(null, '', url);
    this.render();
  }

  async settled(): Promise<void> {
    const elements = [...this.root.querySelectorAll('*')].filter((el) => el.localName.startsWith('gs-'));
    await Promise.all(
      elements.map((el) => (el as Element & { updateComplete?: Promise<unknown> }).updateComplete ?? null),
    );
    await this.markScrollableFormulas();
  }

  unmount(): void {
    this.win.removeEventListener('popstate', this.onPopState);
    this.win.removeEventListener('resize', this.onResize);
    this.root.removeEventListener('scroll', this.onScroll, { capture: true });
    cancelAnimationFrame(this.scrollFrame);
    render(html``, this.root);
  }

  private scrollFrame = 0;

  private onResize = (): void => {
    cancelAnimationFrame(this.scrollFrame);
    this.scrollFrame = requestAnimationFrame(() => this.markScrollableFormulas());
  };

  /**
   * A displayed formula or a table wider than the screen scrolls sideways, with the shared
   * scroll cue (components/shared/scroll-cue.ts): a shadow on the edge with more, and a
   * named, keyboard-scrollable region (a tab stop only on those that scroll). The rows of
   * tabs and examples get the shadow only: their buttons already take the focus.
   */
  private async markScrollableFormulas(): Promise<void> {
    const formulas = [
      ...this.root.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>('gs-math[display]'),
    ];
    await Promise.all(formulas.map((f) => f.updateComplete));
    for (const el of this.root.querySelectorAll<HTMLElement>(SCROLLERS)) this.markScroller(el);
  }

  private markScroller(el: HTMLElement): void {
    const lang = this.current.lang;
    if (el.matches('.tabs, .examples')) markScrollCue(el, '', false);
    else if (el.localName === 'gs-math') markScrollCue(el, el.getAttribute('tex') ?? UI.wideFormula[lang]);
    else markScrollCue(el, el.querySelector('caption')?.textContent?.trim() || UI.wideTable[lang]);
  }

  private onScroll = (event: Event): void => {
    const target = event.target;
    if (target instanceof HTMLElement && target.matches(SCROLLERS)) this.markScroller(target);
  };

  private onPopState = (): void => {
    this.editing = false;
    this.current = readState(this.win.location.search, this.fallbackLang);
    this.render();
  };

  private editExpr = (expr: string): void => {
    const mode = this.editing ? 'replace' : 'push';
    this.navigate({ expr }, mode);
    this.editing = true;
  };

  private copyLink = (): void => {
    const done = () => {
      this.copied = true;
      this.render();
      setTimeout(() => {
        this.copied = false;
        this.render();
      }, 2000);
    };
    this.win.navigator.clipboard?.writeText(this.win.location.href).then(done, () => undefined);
  };

  private setSolutionOpen = (id: string, open: boolean): void => {
    if (this.openSolutions.has(id) === open) return;
    if (open) this.openSolutions.add(id);
    else this.openSolutions.delete(id);
    this.render();
  };

  /** A real link (copyable, opens in a new tab) that navigates in place on a plain click. */
  private playgroundLink = (
    expr: string,
    vars: string,
    tab: Tab,
    settings: Partial<Pick<AppState, 'optimizer' | 'start' | 'lr' | 'steps'>> = {},
  ): TemplateResult => {
    const lang = this.current.lang;
    const target: Partial<AppState> = {
      view: 'playground',
      expr,
      vars,
      tab,
      step: firstStep(this.current.mode),
      hyper: {},
      answers: [],
      probe: undefined,
      ...settings,
    };
    const href = writeState({ ...this.current, ...target });
    const onClick = (event: MouseEvent) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      this.navigate(target, 'push');
      this.win.scrollTo?.({ top: 0 });
    };
    return html`<p class="to-playground"><a href=${href} @click=${onClick}>${UI.openInPlayground[lang]} →</a></p>`;
  };

  private setView(view: View): void {
    if (view === this.current.view) return;
    this.navigate({ view }, 'push');
    this.win.scrollTo?.({ top: 0 });
  }

  private setLang(lang: Lang): void {
    if (lang !== this.current.lang) this.navigate({ lang }, 'push');
  }

  private render(): void {
    const state = this.current;
    const lang = state.lang;
    const doc = this.root.ownerDocument;
    doc.documentElement.lang = lang;
    doc.title = `gradstep — ${state.view === 'lesson' ? UI.lesson[lang] : UI.playground[lang]}`;
    this.root.setAttribute('lang', lang);
    this.root.classList.add('gs-app');
    const link = (view: View) => {
      const href = writeState({ ...state, view });
      const onClick = (event: MouseEvent) => {
        if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
        event.preventDefault();
        this.setView(view);
      };
      return html`<a
        href=${href}
        class="nav-link"
        aria-current=${state.view === view ? 'page' : 'false'}
        @click=${onClick}
        >${view === 'lesson' ? UI.lesson[lang] : UI.playground[lang]}</a
      >`;
    };
    const langButton = (value: Lang, label: string) =>
      html`<button
        type="button"
        lang=${value}
        aria-pressed=${lang === value ? 'true' : 'false'}
        @click=${() => this.setLang(value)}
      >
        ${label}
      </button>`;
    const content =
      state.view === 'lesson'
        ? lessonView({
            lang,
            openSolutions: this.openSolutions,
            setSolutionOpen: this.setSolutionOpen,
            playgroundLink: this.playgroundLink,
          })
        : playgroundView({
            state,
            commit: (patch, mode) => this.navigate(patch, mode),
            editExpr: this.editExpr,
            copyLink: this.copyLink,
            copied: this.copied,
          });
    render(
      html`
        <a class="skip" href="#main">${UI.skip[lang]}</a>
        <header class="topbar">
          <div class="topbar-inner">
            <span class="brand"
              ><span class="brand-mark" aria-hidden="true">∂</span><span class="brand-name">${UI.brand[lang]}</span></span
            >
            <nav class="views" aria-label="gradstep">${link('lesson')} ${link('playground')}</nav>
            <div class="lang-switch" role="group" aria-label=${UI.language[lang]}>
              ${LANGS.map((l) => langButton(l, messagesFor(l).name))}
            </div>
          </div>
        </header>
        <main id="main" tabindex="-1">${content}</main>
        <footer class="footer"><p>${UI.footer[lang]}</p></footer>
      `,
      this.root,
    );
    if (this.renderedLang !== undefined && this.renderedLang !== lang) this.relabelComponents(this.renderedLang);
    this.renderedLang = lang;
    this.onResize();
  }

  /**
   * The components read `lang` when they update but do not observe the attribute, so a
   * language switch asks each one to update as if its `lang` property had changed; they
   * keep their state (the step shown, a typed answer).
   */
  private relabelComponents(previous: Lang): void {
    for (const el of this.root.querySelectorAll('*')) {
      if (!el.localName.startsWith('gs-')) continue;
      (el as Element & { requestUpdate?: (name?: PropertyKey, old?: unknown) => void }).requestUpdate?.(
        'lang',
        previous,
      );
    }
  }
}

/** Renders the app into `root`, reading and writing the state in the window's URL. */
export function mountApp(root: HTMLElement, options: MountOptions = {}): MountedApp {
  const win = options.window ?? root.ownerDocument.defaultView ?? window;
  const fallback = options.fallbackLang ?? toLang(win.navigator.language);
  return new TutorApp(root, win, fallback);
}

// The page (index.html) has a #app element; a test imports this module without one.
const pageRoot = typeof document !== 'undefined' ? document.getElementById('app') : null;
if (pageRoot) mountApp(pageRoot);
