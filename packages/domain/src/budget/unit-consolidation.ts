import { canonicalJson } from '../diff/canonical-json';
import type { TBudgetDocument } from './budget-document.schema';

/**
 * 单位预算 and 部门预算: a unit's budget starts from the department budget's part of that unit,
 * and its approval (主管部门审核) puts it back, replacing that part: the department's figures are
 * the consolidation of its units', never typed twice. In the 部门预算 a unit's consolidated lines,
 * income and projects carry ids prefixed with the unit code (`019001002.l7`), so that they never
 * collide with the department's own or another unit's; the unit's budget sees them unprefixed.
 * Department-level facts (职能, 人员, 表九, the 说明 texts) stay the department's: a unit's copy of
 * them is its own and is not consolidated.
 */

const MAX_ID = 64;

/** The id a unit's line or project takes in the 部门预算. */
export function consolidatedId(unitCode: string, id: string): string {
  const prefixed = `${unitCode}.${id}`;
  return prefixed.length <= MAX_ID ? prefixed : `${unitCode}.h${fnv1a(id, 0x811c9dc5)}${fnv1a(id, 0x01000193)}`;
}

/** A unit's part of the 部门预算, as the start of the unit's own budget, where the unit is its own level (本级). */
export function unitPart(department: TBudgetDocument, unitCode: string): TBudgetDocument {
  const unit = department.department.units.find((u) => u.code === unitCode);
  if (unit === undefined) throw new Error(`unit ${unitCode} is not a unit of department ${department.department.code}`);
  const lines = department.expenditureLines.filter((l) => l.unitCode === unitCode);
  const income = department.incomeLines.filter((l) => l.unitCode === unitCode);
  const projects = department.projects.filter((p) => p.unitCode === unitCode);
  const lineIds = unprefixed(unitCode, lines.map((l) => l.id));
  const incomeIds = unprefixed(unitCode, income.map((l) => l.id));
  const projectIds = unprefixed(unitCode, projects.map((p) => p.id));
  const projectId = new Map(projects.map((p, i) => [p.id, projectIds[i] as string]));
  return {
    ...department,
    department: { ...department.department, units: [{ ...unit, level: 'self' }] },
    expenditureLines: lines.map((l, i) => ({ ...l, id: lineIds[i] as string, ...(l.projectId === undefined ? {} : { projectId: projectId.get(l.projectId) ?? l.projectId }) })),
    incomeLines: income.map((l, i) => ({ ...l, id: incomeIds[i] as string })),
    projects: projects.map((p, i) => ({ ...p, id: projectIds[i] as string })),
  };
}

/**
 * The 部门预算 with the unit's part replaced by the unit's approved budget: the unit's lines take
 * the place of its first line there (or come last), its income and projects likewise.
 */
export function consolidateUnit(department: TBudgetDocument, unit: TBudgetDocument, unitCode: string): TBudgetDocument {
  const projectIds = new Map(unit.projects.map((p) => [p.id, consolidatedId(unitCode, p.id)]));
  const lines = unit.expenditureLines.map((l) => ({
    ...l,
    id: consolidatedId(unitCode, l.id),
    unitCode,
    ...(l.projectId === undefined ? {} : { projectId: projectIds.get(l.projectId) ?? l.projectId }),
  }));
  return {
    ...department,
    expenditureLines: replacePart(department.expenditureLines, (l) => l.unitCode === unitCode, lines),
    incomeLines: replacePart(department.incomeLines, (l) => l.unitCode === unitCode, unit.incomeLines.map((l) => ({ ...l, id: consolidatedId(unitCode, l.id), unitCode }))),
    projects: replacePart(department.projects, (p) => p.unitCode === unitCode, unit.projects.map((p) => ({ ...p, id: projectIds.get(p.id) ?? p.id, unitCode }))),
  };
}

/**
 * The units (of `unitCodes`) whose part of `next` differs from their part of `current`: an import
 * into the 部门预算 may carry the consolidated parts back as exported, but not change them.
 */
export function changedUnitParts(current: TBudgetDocument, next: TBudgetDocument, unitCodes: readonly string[]): string[] {
  const part = (doc: TBudgetDocument, code: string) =>
    canonicalJson({
      lines: byId(doc.expenditureLines.filter((l) => l.unitCode === code)),
      income: byId(doc.incomeLines.filter((l) => l.unitCode === code)),
      projects: byId(doc.projects.filter((p) => p.unitCode === code)),
    });
  return unitCodes.filter((code) => part(current, code) !== part(next, code));
}

function byId<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function replacePart<T>(items: readonly T[], ofUnit: (item: T) => boolean, part: readonly T[]): T[] {
  const first = items.findIndex(ofUnit);
  const others = items.filter((item) => !ofUnit(item));
  const at = first === -1 ? others.length : items.slice(0, first).filter((item) => !ofUnit(item)).length;
  return [...others.slice(0, at), ...part, ...others.slice(at)];
}

/** Ids without the unit's prefix, unless that would make two of them equal. */
function unprefixed(unitCode: string, ids: readonly string[]): string[] {
  const prefix = `${unitCode}.`;
  const stripped = ids.map((id) => (id.startsWith(prefix) && id.length > prefix.length ? id.slice(prefix.length) : id));
  const counts = new Map<string, number>();
  for (const id of stripped) counts.set(id, (counts.get(id) ?? 0) + 1);
  return stripped.map((id, i) => ((counts.get(id) ?? 0) > 1 ? (ids[i] as string) : id));
}

/** 32-bit FNV-1a as 8 hex digits: a short stable name for an id too long to prefix. */
function fnv1a(text: string, seed: number): string {
  let hash = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
