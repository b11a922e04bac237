import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Play / pause for the steppers: calls `advance` on a timer until it reports
 * the end. Stops when the host leaves the page.
 */
export class PlaybackController implements ReactiveController {
  playing = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Moves one step on; returns false when there is nothing left to show. */
    private readonly advance: () => boolean,
    /** Milliseconds a step; a function is read at each step, so a speed change applies at once. */
    private readonly intervalMs: number | (() => number),
  ) {
    host.addController(this);
  }

  play(): void {
    if (this.playing) return;
    this.playing = true;
    this.schedule();
    this.host.requestUpdate();
  }

  private schedule(): void {
    const ms = typeof this.intervalMs === 'function' ? this.intervalMs() : this.intervalMs;
    this.timer = setTimeout(
      () => {
        if (!this.playing) return;
        if (this.advance()) this.schedule();
        else this.pause();
      },
      Math.max(16, Number.isFinite(ms) ? ms : 700),
    );
  }

  pause(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.playing) return;
    this.playing = false;
    this.host.requestUpdate();
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  hostDisconnected(): void {
    this.pause();
  }
}
