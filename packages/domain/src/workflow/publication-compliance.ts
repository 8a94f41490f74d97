/** 预算法 art. 14: a department publishes its budget within 20 days of the bureau's reply (批复). */
export const PUBLICATION_DAYS = 20;

/**
 * Where a department stands with the publication of its budget:
 * - `on-time`: published within the 20 days of the 批复 date;
 * - `late`: published, after them;
 * - `due`: not yet published, the 20 days still running;
 * - `overdue`: not yet published, the 20 days gone;
 * - `not-replied`: no 批复 yet, so no clock.
 */
export type PublicationStatus = 'on-time' | 'late' | 'due' | 'overdue' | 'not-replied';

export interface PublicationCompliance {
  /** the 批复 date, YYYY-MM-DD */
  repliedOn: string | null;
  /** the last day to publish, YYYY-MM-DD */
  deadline: string | null;
  /** the first publication's date, YYYY-MM-DD */
  publishedOn: string | null;
  status: PublicationStatus;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The calendar date `days` after `date` (both YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  if (!DATE.test(date)) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/**
 * The status of one department's publication on `today`, from its 批复 date and first publication
 * date (dates as YYYY-MM-DD in the bureau's time zone; comparing the texts compares the days). The
 * deadline is the 20th calendar day after the 批复: publishing on that day is on time.
 */
export function publicationCompliance(repliedOn: string | null, publishedOn: string | null, today: string): PublicationCompliance {
  if (repliedOn === null) return { repliedOn, deadline: null, publishedOn, status: 'not-replied' };
  const deadline = addDays(repliedOn, PUBLICATION_DAYS);
  if (publishedOn !== null) return { repliedOn, deadline, publishedOn, status: publishedOn <= deadline ? 'on-time' : 'late' };
  return { repliedOn, deadline, publishedOn, status: today <= deadline ? 'due' : 'overdue' };
}
