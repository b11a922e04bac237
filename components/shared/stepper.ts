import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Lang } from '../../src/i18n/index.js';
import { emit } from './events.js';
import { PlaybackController } from './playback.js';
import { UI } from './strings.js';

/** Detail of `gs-step-change`. */
export interface StepChangeDetail {
  /** Steps done: 0 is the start. */
  readonly step: number;
}

/** An element with a reflected `step` property that a stepper moves. */
export interface StepperHost extends ReactiveControllerHost, HTMLElement {
  step: number;
}

export interface StepperOptions<D extends StepChangeDetail> {
  /** How many steps there are: `step` runs from 0 to this. */
  readonly count: () => number;
  /** Whether there is anything to play (default: always; nothing plays while the element shows an error). */
  readonly ready?: () => boolean;
  /** Milliseconds a step when playing; a function is read at each step, so a change applies at once. */
  readonly intervalMs: number | (() => number);
  /** The `gs-step-change` detail for a step (default `{ step }`). */
  readonly detail?: (step: number) => D;
}

/**
 * The steppers' shared controls: previous / next / reset / play / pause / last,
 * the playback timer, the keyboard (← previous, → next, space play/pause, Home
 * reset, End last step, when the element itself has the focus: keys aimed at a
 * control inside it are that control's) and the bubbling, composed
 * `gs-step-change` event on every change of the shown step. The host keeps its
 * own reflected `step` property; this moves it.
 */
export class StepperController<D extends StepChangeDetail = StepChangeDetail> implements ReactiveController {
  private readonly playback: PlaybackController;

  constructor(
    private readonly host: StepperHost,
    private readonly options: StepperOptions<D>,
  ) {
    host.addController(this);
    this.playback = new PlaybackController(host, () => this.advance(), options.intervalMs);
  }

  get playing(): boolean {
    return this.playback.playing;
  }

  /** How many steps there are. */
  get count(): number {
    return this.options.count();
  }

  hostConnected(): void {
    if (!this.host.hasAttribute('tabindex')) this.host.tabIndex = 0;
    this.host.addEventListener('keydown', this.onKey);
  }

  hostDisconnected(): void {
    // The playback controller pauses itself.
    this.host.removeEventListener('keydown', this.onKey);
  }

  /** Shows step `step` (clamped to 0 … count) and tells the page, if it changed. */
  go(step: number): void {
    const next = Math.max(0, Math.min(this.count, step));
    if (next === this.host.step) return;
    this.host.step = next;
    const detail: StepChangeDetail = this.options.detail ? this.options.detail(next) : { step: next };
    emit(this.host, 'gs-step-change', detail);
  }

  next(): void {
    this.go(this.host.step + 1);
  }

  previous(): void {
    this.go(this.host.step - 1);
  }

  /** Stops playing and goes back to the start. */
  reset(): void {
    this.pause();
    this.go(0);
  }

  /** The last step. */
  end(): void {
    this.go(this.count);
  }

  /** Plays from the current step (from the start when at the end). */
  play(): void {
    if (this.playback.playing || !(this.options.ready?.() ?? true)) return;
    if (this.host.step >= this.count) this.go(0);
    this.playback.play();
  }

  pause(): void {
    this.playback.pause();
  }

  toggle(): void {
    if (this.playback.playing) this.pause();
    else this.play();
  }

  /** One step on, for playback; false at the last step. */
  private advance(): boolean {
    this.next();
    return this.host.step < this.count;
  }

  private readonly onKey = (event: KeyboardEvent): void => {
    if (event.composedPath()[0] !== this.host || event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === 'ArrowRight') this.next();
    else if (event.key === 'ArrowLeft') this.previous();
    else if (event.key === ' ') this.toggle();
    else if (event.key === 'Home') this.reset();
    else if (event.key === 'End') this.end();
    else return;
    event.preventDefault();
  };

  /** The reset / previous / play-pause / next buttons and a counter (`part="controls"`). */
  controls(lang: Lang, counter: unknown, live = false): TemplateResult {
    const step = this.host.step;
    const count = this.count;
    return html`<div part="controls">
      <button @click=${() => this.reset()} ?disabled=${step === 0}>${UI.reset[lang]}</button>
      <button @click=${() => this.previous()} ?disabled=${step === 0} aria-label=${UI.previous[lang]}>←</button>
      <button @click=${() => this.toggle()} aria-pressed=${this.playing ? 'true' : 'false'}>
        ${this.playing ? UI.pause[lang] : UI.play[lang]}
      </button>
      <button @click=${() => this.next()} ?disabled=${step >= count} aria-label=${UI.next[lang]}>→</button>
      <span class="counter" aria-live=${live ? 'polite' : nothing}>${counter}</span>
    </div>`;
  }
}
