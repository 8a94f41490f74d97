import { ceilingFiguresFromWire, daysLate, DEFAULT_REVIEW_CHAIN, DomainError, exceededCeilings, publicationCompliance, stageAt, unitsCompliance, ZCeilings } from '@budgetflow/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { TCaller } from '../../common/auth/caller';
import { departmentScope } from '../../common/scope/department-scope';
import { CatalogueInForce } from '../catalogue/catalogue-in-force';
import { ReviewerOfficesRepository } from './reviewer-offices.repository';
import { BureauDeskRepository, type TComplianceRow, type TDepartmentYearRow, type TUnitPublicationsRow } from './bureau-desk.repository';
import type { TBureauYears, TComplianceEntry, TOverview, TOverviewDepartment, TOverviewQuery, TPublicCompliance } from './dto/bureau-desk.schema';

const DAY_MS = 86_400_000;
/** What the desk needs of a year's catalogue: the 功能 names by code. */
type TFunctionNames = ReadonlyMap<string, { readonly name: string }>;

/**
 * The finance bureau's desk: every department of a year within the reviewer's scope, where its
 * budget stands, its figures against its ceilings and its findings; the district's totals; and
 * the publication compliance list, whose replied budgets the portal also shows.
 */
@Injectable()
export class BureauDeskService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly bureau: BureauDeskRepository,
    private readonly catalogues: CatalogueInForce,
    private readonly offices: ReviewerOfficesRepository,
  ) {}

  async overview(caller: TCaller, query: TOverviewQuery): Promise<TOverview> {
    const m = this.dataSource.manager;
    const year = query.year;
    const scope = caller.reviewDepartmentIds === 'all' ? null : [...caller.reviewDepartmentIds];
    const [rows, names, office, units] = await Promise.all([
      this.bureau.desk(m, year, scope),
      this.namesOf(m, year),
      this.offices.officeOf(m, caller.userId),
      this.bureau.unitPublications(m, year, scope),
    ]);
    const unitsOf = new Map(units.map((row) => [row.department_id, row]));
    const today = rows[0]?.today ?? (await this.bureau.today(m));
    const now = Date.now();
    const departments = rows.map((row) => departmentOf(row, row.ceilings ?? undefined, now));
    return {
      fiscalYear: year,
      today,
      desk: { bureau: office?.bureau ?? null, office: office?.name ?? null },
      departments: departments.filter(matches(query)),
      totals: {
        totalFen: departments.reduce((total, d) => total + BigInt(d.figures?.totalFen ?? '0'), 0n).toString(),
        byFunctionClass: [...classTotals(rows)].map(([code, fen]) => ({ code, name: names.get(code)?.name ?? code, totalFen: fen.toString() })),
        byDepartment: departments.filter((d) => d.figures !== null).map((d) => ({ code: d.department.code, name: d.department.name, totalFen: d.figures!.totalFen })),
      },
      compliance: rows.filter((row) => row.budget_id !== null).map((row) => complianceEntry(row, unitsOf.get(row.department_id), today)),
    };
  }

  /** The years the desk may open on: those with budgets the caller sees (an admin sees all), the newest by default. */
  async years(caller: TCaller): Promise<TBureauYears> {
    const scope = departmentScope(caller);
    const years = await this.bureau.yearsWithBudgets(this.dataSource.manager, scope.all ? null : scope.departmentIds);
    return { years, defaultYear: years[0] ?? null };
  }

  /** The public part: every budget of the year that has had its 批复, with its publication's status. */
  async publicCompliance(year: number): Promise<TPublicCompliance> {
    const m = this.dataSource.manager;
    const [rows, today] = await Promise.all([this.bureau.compliance(m, year, null), this.bureau.today(m)]);
    return { fiscalYear: year, today, items: rows.map((row) => complianceEntry(row, row, today)).filter((e) => e.status !== 'not-replied') };
  }

  /** The 功能 names of the year's edition in force; a year without one shows the codes alone. */
  private async namesOf(m: EntityManager, year: number): Promise<TFunctionNames> {
    try {
      return (await this.catalogues.forYear(year, m)).catalogue.functional;
    } catch (error) {
      if (error instanceof DomainError && error.code === 'CATALOGUE_YEAR_UNKNOWN') return new Map();
      throw error;
    }
  }
}

function departmentOf(row: TDepartmentYearRow, issued: unknown, now: number): TOverviewDepartment {
  const figures = row.figures === null ? undefined : ceilingFiguresFromWire(row.figures);
  const ceilings = issued === undefined ? undefined : ZCeilings.parse(issued);
  const exceeded = figures === undefined || ceilings === undefined ? [] : exceededCeilings(figures, ceilings);
  return {
    department: { id: row.department_id, code: row.code, name: row.name },
    budgetId: row.budget_id,
    state: row.state,
    round: row.round,
    stage: stageOf(row),
    stateSince: row.state_since?.toISOString() ?? null,
    daysWaiting: row.state_since === null ? null : Math.max(0, Math.floor((now - row.state_since.getTime()) / DAY_MS)),
    figures: figures === undefined ? null : { totalFen: String(figures.total), basicFen: String(figures.basic), projectFen: String(figures.project) },
    ceilings: {
      issued: ceilings !== undefined,
      exceeded: exceeded.map((e) => ({ ceiling: e.ceiling, name: e.name, ceilingFen: String(e.ceilingFen), amountFen: String(e.amountFen), excessFen: String(e.excessFen) })),
    },
    findings: row.error_count === null ? null : { errors: row.error_count, warnings: row.warning_count ?? 0 },
  };
}

/** The district's expenditure by 功能 类, in code order, added up exactly. */
function classTotals(rows: readonly TDepartmentYearRow[]): Map<string, bigint> {
  const totals = new Map<string, bigint>();
  for (const row of rows) for (const [code, fen] of Object.entries(row.classes ?? {})) totals.set(code, (totals.get(code) ?? 0n) + BigInt(fen));
  return new Map([...totals].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The stage a submitted budget waits on, from the chain it was submitted under. */
function stageOf(row: TDepartmentYearRow): TOverviewDepartment['stage'] {
  if (row.state !== 'submitted' || row.round === null) return null;
  const position = stageAt(row.review_chain ?? DEFAULT_REVIEW_CHAIN, row.round, row.stage_index ?? 0);
  return position === undefined ? null : { index: position.index, count: position.count, name: position.stage.name };
}

function matches(query: TOverviewQuery): (d: TOverviewDepartment) => boolean {
  return (d) =>
    (query.state === undefined || (d.state ?? 'none') === query.state) &&
    (query.round === undefined || d.round === query.round) &&
    (query.overCeiling === undefined || (d.ceilings.exceeded.length > 0) === (query.overCeiling === 'true')) &&
    (query.q === undefined || d.department.code.includes(query.q) || d.department.name.includes(query.q));
}

/**
 * A department's publication, and where its template prints a 单位 scope each 二级单位's, whose 20
 * days run from the same 批复 date: the bureau's (see unitsCompliance).
 */
function complianceEntry(row: Pick<TComplianceRow, 'code' | 'name' | 'replied_on' | 'published_on'>, units: TUnitPublicationsRow | undefined, today: string): TComplianceEntry {
  const compliance = publicationCompliance(row.replied_on, row.published_on, today);
  const entry = { department: { code: row.code, name: row.name }, ...compliance, daysLate: daysLate(compliance, today) };
  const owed = units === undefined ? undefined : unitsCompliance({ template: units.template ?? undefined, repliedOn: row.replied_on }, units.units, today);
  return owed === undefined ? entry : { ...entry, units: owed };
}
