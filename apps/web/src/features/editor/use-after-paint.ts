import { useEffect, useState } from 'react';

// Where the browser has no idle callbacks (Safari, jsdom), the next task.
const whenIdle = (callback: () => void): number =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(callback, { timeout: 200 })
    : (setTimeout(callback, 0) as unknown as number);
const cancelIdle = (handle: number): void =>
  typeof cancelIdleCallback === 'function' ? cancelIdleCallback(handle) : clearTimeout(handle);

/**
 * `value`, a little late: it follows once the browser has painted the frame that showed the
 * change and has time to spare. The editor derives its tables and findings from this, so a
 * keystroke reaches the screen before the 10,000 lines are derived again, and keystrokes in a
 * row derive once, after the last.
 */
export function useAfterPaint<T>(value: T): T {
  const [painted, setPainted] = useState(value);
  useEffect(() => {
    if (painted === value) return;
    let idle: number | undefined;
    // The frame's callbacks run before it is painted; idle time comes after (and after the
    // frames a scroll to a new line or a paste still needs), at the latest a fifth of a second on.
    const frame = requestAnimationFrame(() => {
      idle = whenIdle(() => setPainted(value));
    });
    return () => {
      cancelAnimationFrame(frame);
      if (idle !== undefined) cancelIdle(idle);
    };
  }, [value, painted]);
  return painted;
}
