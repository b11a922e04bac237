import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Play / pause for the steppers: calls `advance` on a timer until it reports
 * the end. Stops when the host leaves the page.
 */
export class PlaybackController implements ReactiveController {
  playing = false;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Moves one step on; returns false when there is nothing left to show. */
    private readonly advance: () => boolean,
    private readonly intervalMs: number,
  ) {
    host.addController(this);
  }

  play(): void {
    if (this.playing) return;
    this.playing = true;
    this.timer = setInterval(() => {
      if (!this.advance()) this.pause();
    }, this.intervalMs);
    this.host.requestUpdate();
  }

  pause(): void {
    if (this.timer) clearInterval(this.timer);
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
