const DAY_MS = 86_400_000;

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / DAY_MS);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A moment's calendar day in the reader's time zone, YYYY-MM-DD. */
export function localDate(at: Date): string {
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

/** 2020-01-05 14:03, in the reader's time zone. */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  return `${localDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * China's time (北京时间), in which the portal prints every 公开时间: a publication is an act of a
 * Chinese government office, and every reader, wherever their device's clock is set, sees the same
 * day and hour.
 */
export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const chinaClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: CHINA_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function chinaParts(iso: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute', string> {
  const parts = Object.fromEntries(chinaClock.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return { year: parts['year'] ?? '', month: parts['month'] ?? '', day: parts['day'] ?? '', hour: parts['hour'] ?? '', minute: parts['minute'] ?? '' };
}

/** A moment's calendar day in China's time, YYYY-MM-DD. */
export function chinaDate(iso: string): string {
  const p = chinaParts(iso);
  return `${p.year}-${p.month}-${p.day}`;
}

/** 2020-01-05 14:03 in China's time. */
export function chinaDateTime(iso: string): string {
  const p = chinaParts(iso);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}
