import {
  breakdownDataOf,
  compareDepartments,
  compareYears,
  disclosureDigest,
  functionSearchKeys,
  yearOnYear,
  ZBudgetDocument,
  type TDepartmentComparison,
  type TDepartmentYears,
  type TDisclosureBreakdown,
  type TDisclosureDigest,
  type TDisclosureSearchPage,
  type TMatchedFunction,
} from '@budgetflow/domain';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RecentBuilds } from '../../common/cache/recent-builds';
import { notFound } from '../../common/errors/app-error';
import { PublicReads } from '../../database/replica/public-reads';
import { CatalogueInForce } from '../catalogue/catalogue-in-force';
import { likePattern, PortalRepository, type TDigestRow } from './portal.repository';

const CATCH_UP_BATCH = 100;
const FUNCTION_CODE = /^\d{3}(\d{2}){0,2}$/;
/** Search answers kept per process (about 10 kB a page): the same for every visitor until something is published or renamed. */
const KEPT_SEARCH_BYTES = 8 * 1024 * 1024;

export interface TSearchQuery {
  q?: string | undefined;
  year?: number | undefined;
  page: number;
  pageSize: number;
}

/** The portal's reading of publications: digests, the district search, the comparisons. */
@Injectable()
export class PortalService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PublicReads) private readonly reads: PublicReads,
    private readonly portal: PortalRepository,
    private readonly catalogues: CatalogueInForce,
  ) {}

  private readonly searches = new RecentBuilds<TDisclosureSearchPage>(KEPT_SEARCH_BYTES, (page) => JSON.stringify(page).length * 2);

  /**
   * The drill-down data and the first screen's digest. Its change on last year is worked out at each
   * read against last year as published now (yearOnYear): the stored digest is a snapshot of this
   * publication alone, and last year may be published, or corrected, after it.
   */
  async breakdown(publicationId: string): Promise<TDisclosureBreakdown> {
    await this.catchUp(publicationId);
    const row = await this.reads.one((m) => this.portal.breakdown(m, publicationId));
    if (row === undefined) throw notFound('Disclosure');
    const { lastYear, change } = yearOnYear(row.fiscalYear, row.digest, await this.lastYearOf(publicationId));
    return { publicationId, ...row.breakdown, digest: { ...row.digest, lastYear, change } };
  }

  /** The digest of last year's newest publication, digesting it first if the portal has not met it yet. */
  private async lastYearOf(publicationId: string): Promise<TDisclosureDigest | undefined> {
    const found = await this.reads.one((m) => this.portal.lastYearOf(m, publicationId));
    if (found === undefined || found.digest !== null) return found?.digest ?? undefined;
    await this.catchUp(found.id);
    return (await this.portal.lastYearOf(this.dataSource.manager, publicationId))?.digest ?? undefined;
  }

  /**
   * A page of the district search. Its answer is kept under the portal's generation, read first: while
   * nothing is published or renamed, a search asked before costs that one read of one row, on any
   * process, and a new publication is seen at once.
   */
  async search(query: TSearchQuery): Promise<TDisclosureSearchPage> {
    const generation = await this.reads.read((m) => this.portal.generation(m));
    const key = JSON.stringify([generation, query.q?.trim() || null, query.year ?? null, query.page, query.pageSize]);
    return this.searches.get(key, () => this.searchAnew(query));
  }

  private async searchAnew(query: TSearchQuery): Promise<TDisclosureSearchPage> {
    const q = query.q?.trim() || undefined;
    const filter = { namePattern: q === undefined ? undefined : likePattern(q), code: q !== undefined && FUNCTION_CODE.test(q) ? q : undefined, year: query.year, page: query.page, pageSize: query.pageSize };
    const read = (m: EntityManager) => Promise.all([this.portal.search(m, filter), this.portal.publishedYears(m)]);
    // Read first (on the replica when it serves); only when a publication had no digest yet, digest it on the primary and read again there.
    const first = await this.reads.read(read);
    const [{ rows, total }, { years }] = first[1].undigested ? (await this.catchUp(), await read(this.dataSource.manager)) : first;
    const items = rows.map(({ digest, functionNames, ...publication }) => ({
      ...publication,
      total: digest.total,
      functionClasses: digest.functionClasses,
      matchedFunctions: q === undefined || publication.department.name.includes(q) ? [] : matchedFunctions(functionNames, q),
    }));
    return { items, page: query.page, pageSize: query.pageSize, total, years };
  }

  async years(departmentCode: string): Promise<TDepartmentYears> {
    await this.catchUp();
    const rows = await this.reads.read((m) => this.portal.yearsOfDepartment(m, departmentCode));
    const first = rows[0];
    if (first === undefined) throw notFound('Department');
    const byYear = new Map(rows.map((r) => [r.fiscalYear, r]));
    const years = compareYears(rows.map((r) => ({ fiscalYear: r.fiscalYear, digest: r.digest }))).flatMap((y) => {
      const row = byYear.get(y.fiscalYear);
      return row === undefined ? [] : [{ publicationId: row.id, ...y, functionClasses: row.digest.functionClasses }];
    });
    return { department: first.department, years };
  }

  async compare(year: number, departmentCodes: readonly string[]): Promise<TDepartmentComparison> {
    await this.catchUp();
    const rows = await this.reads.read((m) => this.portal.departmentsOfYear(m, year, departmentCodes));
    const side = compareDepartments(rows);
    const ids = new Map(rows.map((r) => [r.code, r.id]));
    return { fiscalYear: year, classes: side.classes, departments: side.departments.flatMap((d) => { const id = ids.get(d.code); return id === undefined ? [] : [{ publicationId: id, ...d }]; }) };
  }

  /**
   * Digests the publications the portal has not met yet (all, or the one asked for). Publishing
   * stays as it is: the digest is derived data, written on first read from the frozen revision, on
   * the primary (the reads after it may go to the replica).
   */
  private async catchUp(publicationId?: string): Promise<void> {
    const m = this.dataSource.manager;
    for (;;) {
      const missing = await this.portal.withoutDigest(m, CATCH_UP_BATCH, publicationId);
      if (missing.length === 0) return;
      const rows: TDigestRow[] = [];
      for (const { id, document: stored } of missing) {
        const document = ZBudgetDocument.parse(stored);
        const breakdown = breakdownDataOf(document, (await this.catalogues.forYear(document.fiscalYear, m)).catalogue);
        const keys = functionSearchKeys(breakdown);
        rows.push({ publicationId: id, breakdown, digest: disclosureDigest(document, breakdown), functionCodes: keys.codes, functionNames: keys.lines.join('\n') });
      }
      await this.portal.insertDigests(m, rows);
      if (missing.length < CATCH_UP_BATCH) return;
    }
  }
}

/** The 功能 类/款/项 of a disclosure whose code starts with the query or whose name holds it. */
function matchedFunctions(functionNames: string, q: string): TMatchedFunction[] {
  return functionNames.split('\n').flatMap((line) => {
    const space = line.indexOf(' ');
    const code = line.slice(0, space);
    const name = line.slice(space + 1);
    return code === q || name.includes(q) ? [{ code, name }] : [];
  });
}
