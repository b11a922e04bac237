import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Tracks the host's content width for responsive SVG. Updates are deferred to
 * the next frame so a redraw that changes the height cannot start a
 * ResizeObserver loop.
 */
export class WidthController implements ReactiveController {
  width: number;
  private observer: ResizeObserver | undefined;
  private frame = 0;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    initial: number,
    private readonly max = Number.POSITIVE_INFINITY,
  ) {
    this.width = initial;
    host.addController(this);
  }

  hostConnected(): void {
    this.observer = new ResizeObserver((entries) => {
      const w = Math.min(this.max, entries[0]?.contentRect.width ?? 0);
      if (w <= 0 || Math.abs(w - this.width) <= 1) return;
      cancelAnimationFrame(this.frame);
      this.frame = requestAnimationFrame(() => {
        this.width = w;
        this.host.requestUpdate();
      });
    });
    this.observer.observe(this.host);
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    cancelAnimationFrame(this.frame);
  }
}
