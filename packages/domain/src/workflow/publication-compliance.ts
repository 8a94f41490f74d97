import { hasUnitScope } from '../budget/unit-disclosure';

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

const DAY_MS = 86_400_000;

function dayOf(date: string): Date {
  if (!DATE.test(date)) throw new RangeError(`not a date (YYYY-MM-DD): ${date}`);
  return new Date(`${date}T00:00:00Z`);
}

/** The calendar date `days` after `date` (both YYYY-MM-DD). */
export function addDays(date: string, days: number): string {
  const at = dayOf(date);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** The calendar days from `from` to `to` (both YYYY-MM-DD), negative when `to` comes first. */
export function daysBetween(from: string, to: string): number {
  return Math.round((dayOf(to).getTime() - dayOf(from).getTime()) / DAY_MS);
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

/**
 * How many days past its deadline a publication came (`late`), or an unpublished budget now is
 * (`overdue`); 0 for one on time, still within its 20 days, or with no 批复 yet.
 */
export function daysLate(compliance: PublicationCompliance, today: string): number {
  if (compliance.deadline === null) return 0;
  if (compliance.status === 'late') return daysBetween(compliance.deadline, compliance.publishedOn!);
  return compliance.status === 'overdue' ? daysBetween(compliance.deadline, today) : 0;
}

/** A 二级单位 of a department, and the day its own 单位预算 was first published (null: not yet). */
export interface UnitPublication {
  code: string;
  name: string;
  publishedOn: string | null;
}

/** Where a 二级单位 stands with the publication of its 单位预算. */
export interface UnitPublicationCompliance extends PublicationCompliance {
  unit: { code: string; name: string };
  /** see daysLate */
  daysLate: number;
}

/**
 * The 单位预算 a department's 二级单位 owe, where its template prints a 单位 scope (Shanghai's);
 * undefined where it does not (its units are disclosed within its 部门预算 only, and owe nothing
 * of their own) or where the department has no 二级单位. Each unit's 20 days run from the bureau's 批复 of the 部门预算 (`repliedOn`), not
 * from the day the 主管部门 replies to its units (within 15 days of it): the bureau's date is the
 * one on record, so one clock covers the department and its units.
 */
export function unitsCompliance(
  department: { template?: string | undefined; repliedOn: string | null },
  units: readonly UnitPublication[],
  today: string,
): UnitPublicationCompliance[] | undefined {
  if (units.length === 0 || !hasUnitScope({ template: department.template })) return undefined;
  return units.map(({ code, name, publishedOn }) => {
    const compliance = publicationCompliance(department.repliedOn, publishedOn, today);
    return { unit: { code, name }, ...compliance, daysLate: daysLate(compliance, today) };
  });
}

/**
 * What the statutory clock tells of a unit whose 单位预算 is not yet published: `deadline-near` once
 * `warningDays` or fewer of its 20 days are left, `deadline-overdue` once they are gone. An overdue
 * unit is also owed the warning, as a 部门预算 is: its publishers hear of it even if the clock first
 * saw it late; whoever stores the notices sends each once.
 */
export type UnitDeadlineNotice = 'deadline-near' | 'deadline-overdue';

export interface UnitDeadline<U extends UnitPublication> {
  unit: U;
  /** the last day to publish, YYYY-MM-DD */
  deadline: string;
  notices: UnitDeadlineNotice[];
}

/**
 * The 二级单位 of a department whose 单位预算 is due within `warningDays` or overdue on `today`, each
 * with the notices it is owed (see UnitDeadlineNotice); a unit published, still far from its
 * deadline, before the 批复 or under a template without a 单位 scope owes none and is left out.
 */
export function unitDeadlines<U extends UnitPublication>(
  department: { template?: string | undefined; repliedOn: string | null },
  units: readonly U[],
  today: string,
  warningDays: number,
): UnitDeadline<U>[] {
  const compliance = unitsCompliance(department, units, today) ?? [];
  return compliance.flatMap(({ status, deadline }, i) => {
    if (deadline === null || (status !== 'due' && status !== 'overdue') || daysBetween(today, deadline) > warningDays) return [];
    const notices: UnitDeadlineNotice[] = status === 'overdue' ? ['deadline-near', 'deadline-overdue'] : ['deadline-near'];
    return [{ unit: units[i]!, deadline, notices }];
  });
}
