/**
 * jsdom lays nothing out: give the grid's scrolling viewport a height and let scrollTo move it,
 * so the virtualiser computes the rows in view as it does in a browser.
 */
export const VIEWPORT_HEIGHT = 340;

export function layoutViewport(): void {
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('grid-viewport') ? VIEWPORT_HEIGHT : 0;
    },
  });
  // As tall as its content: the spacer div the virtualiser sizes to every row.
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
    configurable: true,
    get(this: HTMLElement) {
      const spacer = this.firstElementChild as HTMLElement | null;
      return this.classList.contains('grid-viewport') && spacer !== null
        ? parseInt(spacer.style.height, 10) || 0
        : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'offsetHeight', {
    configurable: true,
    get(this: HTMLElement) {
      return this.classList.contains('grid-viewport') ? VIEWPORT_HEIGHT : 34;
    },
  });
  HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
    const height = this.classList.contains('grid-viewport') ? VIEWPORT_HEIGHT : 34;
    return {
      x: 0,
      y: 0,
      top: 0,
      left: 0,
      bottom: height,
      right: 1000,
      width: 1000,
      height,
      toJSON: () => ({}),
    } as DOMRect;
  };
  const scrollTops = new WeakMap<HTMLElement, number>();
  Object.defineProperty(HTMLElement.prototype, 'scrollTop', {
    configurable: true,
    get(this: HTMLElement) {
      return scrollTops.get(this) ?? 0;
    },
    set(this: HTMLElement, value: number) {
      scrollTops.set(this, value);
    },
  });
  HTMLElement.prototype.scrollTo = function (this: HTMLElement, options?: ScrollToOptions | number) {
    const top = typeof options === 'object' ? (options.top ?? 0) : 0;
    this.scrollTop = top;
    // Browsers fire scroll events after the fact, never inside the call.
    setTimeout(() => this.dispatchEvent(new Event('scroll')), 0);
  } as HTMLElement['scrollTo'];
  window.requestAnimationFrame = (cb: FrameRequestCallback) =>
    window.setTimeout(() => cb(performance.now()), 0);
}
