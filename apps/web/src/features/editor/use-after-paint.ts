import { useEffect, useState } from 'react';

/**
 * `value`, one frame late: it follows once the browser has painted the frame that showed the
 * change. The editor derives its tables and findings from this, so a keystroke reaches the
 * screen before the 10,000 lines are derived again; keystrokes in a row derive once, after the last.
 */
export function useAfterPaint<T>(value: T): T {
  const [painted, setPainted] = useState(value);
  useEffect(() => {
    if (painted === value) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // The frame's callbacks run before it is painted; a task queued from one runs after.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setPainted(value), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [value, painted]);
  return painted;
}
