import type { TBudgetDocument, TDisclosureBreakdown, TDisclosureDigest, TPublicationSummary } from '@budgetflow/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { UNIT_OF_PUBLICATION } from './publications.repository';

/** The newest version of its budget: a correction lists instead of what it corrects. */
const NEWEST = `NOT EXISTS (SELECT 1 FROM publications n WHERE n.budget_id = p.budget_id AND n.version_no > p.version_no)`;

const LISTED = `p.id, p.budget_id AS "budgetId", p.version_no AS "versionNo", p.revision_no AS "revisionNo",
  p.fiscal_year AS "fiscalYear", json_build_object('code', d.code, 'name', d.name) AS department, ${UNIT_OF_PUBLICATION} AS unit,
  to_char(p.published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "publishedAt"`;

export interface TDigestRow {
  publicationId: string;
  breakdown: Omit<TDisclosureBreakdown, 'publicationId' | 'digest'>;
  digest: TDisclosureDigest;
  functionCodes: string[];
  /** "code name" per 功能 类/款/项, one a line */
  functionNames: string;
}

export interface TSearchFilter {
  /** Already escaped for LIKE (see likePattern). */
  namePattern: string | undefined;
  /** The query when it is a 功能 code (3, 5 or 7 digits). */
  code: string | undefined;
  year: number | undefined;
  page: number;
  pageSize: number;
}

export type TSearchRow = Omit<TPublicationSummary, 'latest'> & { digest: TDisclosureDigest; functionNames: string };

/** A LIKE pattern that finds `text` anywhere, its own % _ and \ taken literally. */
export function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** The characters a pattern of likePattern's asks for: its two % and its escapes not counted. */
const searchedLength = (pattern: string): number => [...pattern.slice(1, -1).replace(/\\(.)/g, '$1')].length;

/**
 * The search's test of a digest's 功能 names ($2). A text of 3 characters or more has trigrams: the
 * digests holding it are found once, through their trigram index (migration 1798500000000), instead
 * of reading the names of every digest the other conditions leave. A shorter text has none, and the
 * index would be read whole: it is matched on those rows (the year's only, when a year is asked).
 */
function namesMatch(pattern: string | undefined): string {
  if (pattern === undefined || searchedLength(pattern) < 3) return 'x.function_names_folded LIKE lower($2)';
  return 'p.id IN (SELECT publication_id FROM public_disclosure_digests WHERE function_names_folded LIKE lower($2))';
}

/** The portal's digests of publications, and the searches and comparisons over them. */
@Injectable()
export class PortalRepository {
  /** Publications the portal has no digest of yet, with the document of the revision each published. */
  async withoutDigest(m: EntityManager, limit: number, publicationId?: string): Promise<{ id: string; document: TBudgetDocument }[]> {
    return m.query(
      `SELECT p.id, r.document FROM publications p
       JOIN revisions r ON r.budget_id = p.budget_id AND r.revision_no = p.revision_no
       WHERE ($2::uuid IS NULL OR p.id = $2)
         AND NOT EXISTS (SELECT 1 FROM public_disclosure_digests x WHERE x.publication_id = p.id)
       ORDER BY p.published_at LIMIT $1`,
      [limit, publicationId ?? null],
    );
  }

  async insertDigests(m: EntityManager, rows: readonly TDigestRow[]): Promise<void> {
    if (rows.length === 0) return;
    // Two readers may derive the same digest at once; both are the same, the first one stays.
    await m.query(
      `INSERT INTO public_disclosure_digests (publication_id, breakdown, digest, function_codes, function_names)
       SELECT a, b, c, string_to_array(d, ' '), e FROM unnest($1::uuid[], $2::jsonb[], $3::jsonb[], $4::text[], $5::text[]) AS t(a, b, c, d, e)
       ON CONFLICT (publication_id) DO NOTHING`,
      [
        rows.map((r) => r.publicationId),
        rows.map((r) => JSON.stringify(r.breakdown)),
        rows.map((r) => JSON.stringify(r.digest)),
        rows.map((r) => r.functionCodes.join(' ')),
        rows.map((r) => r.functionNames),
      ],
    );
  }

  async breakdown(m: EntityManager, publicationId: string): Promise<(Pick<TDigestRow, 'breakdown' | 'digest'> & { fiscalYear: number }) | undefined> {
    const rows: (Pick<TDigestRow, 'breakdown' | 'digest'> & { fiscalYear: number })[] = await m.query(
      `SELECT x.breakdown, x.digest, p.fiscal_year AS "fiscalYear" FROM public_disclosure_digests x JOIN publications p ON p.id = x.publication_id WHERE x.publication_id = $1`,
      [publicationId],
    );
    return rows[0];
  }

  /**
   * The newest publication of the same department's year before a publication's, as published now,
   * with its digest (null until the portal has digested it); undefined while that year has none.
   */
  async lastYearOf(m: EntityManager, publicationId: string): Promise<{ id: string; digest: TDisclosureDigest | null } | undefined> {
    const rows: { id: string; digest: TDisclosureDigest | null }[] = await m.query(
      `SELECT p.id, x.digest FROM publications t
       JOIN publications p ON p.department_id = t.department_id AND p.fiscal_year = t.fiscal_year - 1
       LEFT JOIN public_disclosure_digests x ON x.publication_id = p.id
       WHERE t.id = $1 AND ${NEWEST} ORDER BY p.published_at DESC LIMIT 1`,
      [publicationId],
    );
    return rows[0];
  }

  /** Newest versions matching a department name, a 功能 name or code, and a year; newest year first, then by department code. */
  async search(m: EntityManager, f: TSearchFilter): Promise<{ rows: TSearchRow[]; total: number }> {
    // The newest versions of the year are one set, worked out once (MATERIALIZED) and then joined
    // by hash: inlined, the planner (often without statistics on tables just written) walked the year
    // index to spare a sort and probed the newer versions, the department and the digest of each row.
    // Department names are matched once each (not once per publication); the 功能 names, kept lowered
    // on their row, by LIKE on the lowered pattern: what ILIKE does, without lowering them each time.
    const matching = `newest AS MATERIALIZED (
        SELECT p.id, p.fiscal_year, p.department_id FROM publications p WHERE ($1::int IS NULL OR p.fiscal_year = $1) AND ${NEWEST}
      ), matching AS (
        SELECT p.id, p.fiscal_year, d.code FROM newest p JOIN departments d ON d.id = p.department_id JOIN public_disclosure_digests x ON x.publication_id = p.id
        WHERE ($2::text IS NULL AND $3::text IS NULL) OR p.department_id IN (SELECT id FROM departments WHERE name ILIKE $2)
          OR ${namesMatch(f.namePattern)} OR x.function_codes @> ARRAY[$3::text]
      )`;
    const params = [f.year ?? null, f.namePattern ?? null, f.code ?? null];
    // The page and the count in one pass over narrow rows; only the page's rows carry their digests.
    const rows: (TSearchRow & { total: number })[] = await m.query(
      `WITH ${matching}, hits AS (
         SELECT id, fiscal_year, code, count(*) OVER ()::int AS total FROM matching
         ORDER BY fiscal_year DESC, code, id LIMIT $4 OFFSET $5
       )
       SELECT ${LISTED}, x.digest, x.function_names AS "functionNames", h.total
       FROM hits h JOIN publications p ON p.id = h.id JOIN departments d ON d.id = p.department_id JOIN public_disclosure_digests x ON x.publication_id = p.id
       ORDER BY h.fiscal_year DESC, h.code, h.id`,
      [...params, f.pageSize, (f.page - 1) * f.pageSize],
    );
    const first = rows[0];
    if (first !== undefined) return { rows: rows.map(({ total: _total, ...row }) => row), total: first.total };
    if (f.page === 1) return { rows: [], total: 0 };
    const count: { total: number }[] = await m.query(`WITH ${matching} SELECT count(*)::int AS total FROM matching`, params);
    return { rows: [], total: count[0]?.total ?? 0 };
  }

  /**
   * The years with publications, newest first, and whether a publication still has no digest (the
   * search then catches up and asks again): fewer digests than publications, since a digest is of one
   * publication (its key and a reference to it), counted in one pass, not looked up for each.
   */
  async publishedYears(m: EntityManager): Promise<{ years: number[]; undigested: boolean }> {
    const rows: { years: number[]; undigested: boolean }[] = await m.query(
      `SELECT coalesce(array_agg(DISTINCT p.fiscal_year ORDER BY p.fiscal_year DESC), '{}') AS years,
         count(*) > (SELECT count(*) FROM public_disclosure_digests) AS undigested
       FROM publications p`,
    );
    return rows[0] ?? { years: [], undigested: false };
  }

  /** The generation of what a search can show: bumped with every publication and department renamed (migration 1798200000000). */
  async generation(m: EntityManager): Promise<string> {
    const rows: { generation: string }[] = await m.query(`SELECT generation::text AS generation FROM portal_generation`);
    return rows[0]?.generation ?? '';
  }

  /** A department's newest publication (部门预算; its units' 单位预算 are listed beside it) of each year it published. */
  async yearsOfDepartment(m: EntityManager, departmentCode: string): Promise<{ id: string; fiscalYear: number; department: { code: string; name: string }; digest: TDisclosureDigest }[]> {
    return m.query(
      `SELECT DISTINCT ON (p.fiscal_year) p.id, p.fiscal_year AS "fiscalYear", json_build_object('code', d.code, 'name', d.name) AS department, x.digest
       FROM publications p JOIN departments d ON d.id = p.department_id JOIN public_disclosure_digests x ON x.publication_id = p.id
       WHERE d.code = $1 AND p.unit_code IS NULL AND ${NEWEST} ORDER BY p.fiscal_year, p.published_at DESC`,
      [departmentCode],
    );
  }

  /** The newest publication of each named department's 部门预算 in a year, in the order asked. */
  async departmentsOfYear(m: EntityManager, year: number, codes: readonly string[]): Promise<{ id: string; code: string; name: string; digest: TDisclosureDigest }[]> {
    return m.query(
      `SELECT * FROM (
         SELECT DISTINCT ON (d.code) p.id, d.code, d.name, x.digest
         FROM publications p JOIN departments d ON d.id = p.department_id JOIN public_disclosure_digests x ON x.publication_id = p.id
         WHERE p.fiscal_year = $1 AND d.code = ANY($2::text[]) AND p.unit_code IS NULL AND ${NEWEST} ORDER BY d.code, p.published_at DESC
       ) s ORDER BY array_position($2::text[], s.code)`,
      [year, [...codes]],
    );
  }
}
