import { createHash } from 'node:crypto';
import type { TPublishedIdentity } from '@budgetflow/domain';
import type { EntityManager } from 'typeorm';
import { recordPublication } from '../audit/published-record';
import type { TRenderProblem } from '../reports/check/rendered-check';
import type { TRevisionCheck } from '../reports/revision-files.repository';

/** A published file as listed to the public: where to download it and how to check the copy. */
export interface TPublishedFile {
  id: string;
  format: string;
  name: string;
  size: number;
  sha256: string;
}

/** A file a publication carries of its own, not copied from its revision's rendered files. */
export interface TOwnFile {
  name: string;
  format: 'txt';
  mediaType: string;
  content: Buffer;
}

export interface TFileContent {
  name: string;
  mediaType: string;
  sha256: string;
  content: Buffer;
}

/** Whose, which year's and which version's the publication is: what its files are called when downloaded. */
const IDENTITY_COLUMNS = `d.name AS "departmentName", (SELECT bu.name FROM budget_units bu WHERE bu.code = p.unit_code) AS "unitName", b.fiscal_year AS "fiscalYear", p.version_no AS "versionNo"`;
const IDENTITY_JOINS = `JOIN budgets b ON b.id = p.budget_id JOIN departments d ON d.id = b.department_id`;

/** Named queries on publication_checks and publication_files (append-only tables). */
export class PublicationFilesRepository {
  /**
   * Records the outcome of a publication in the caller's transaction: the check of its revision's
   * files and, when it passed, a copy of every one of them (copied inside PostgreSQL: the files are
   * rendered once per revision). Returns false when the publication already had its outcome: a
   * rerun then changes nothing.
   */
  async recordOutcome(
    m: EntityManager,
    publicationId: string,
    check: TRevisionCheck,
    revision: { budgetId: string; revisionNo: number },
    /** files of the publication itself beside the revision's (the 更正说明 of a correction) */
    own: readonly TOwnFile[] = [],
  ): Promise<boolean> {
    const inserted: unknown[] = await m.query(
      `INSERT INTO publication_checks (publication_id, passed, problems) VALUES ($1, $2, $3)
       ON CONFLICT (publication_id) DO NOTHING RETURNING publication_id`,
      [publicationId, check.passed, JSON.stringify(check.problems)],
    );
    if (inserted.length === 0 || !check.passed) return inserted.length > 0;
    await m.query(
      `INSERT INTO publication_files (publication_id, name, format, media_type, size, sha256, content)
       SELECT $1, name, format, media_type, size, sha256, content FROM revision_files WHERE budget_id = $2 AND revision_no = $3`,
      [publicationId, revision.budgetId, revision.revisionNo],
    );
    for (const file of own) {
      await m.query(
        `INSERT INTO publication_files (publication_id, name, format, media_type, size, sha256, content) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [publicationId, file.name, file.format, file.mediaType, file.content.length, createHash('sha256').update(file.content).digest('hex'), file.content],
      );
    }
    // Where the files become public: their sha256 and the figures' hash enter the audit chain.
    const [row] = (await m.query(`SELECT disclosure FROM revisions WHERE budget_id = $1 AND revision_no = $2`, [revision.budgetId, revision.revisionNo])) as { disclosure: unknown }[];
    await recordPublication(m, { publicationId, ...revision, disclosure: row?.disclosure ?? null, files: await this.listFiles(m, publicationId) });
    return true;
  }

  async hasOutcome(m: EntityManager, publicationId: string): Promise<boolean> {
    const rows: unknown[] = await m.query(`SELECT 1 FROM publication_checks WHERE publication_id = $1`, [publicationId]);
    return rows.length > 0;
  }

  async findCheck(m: EntityManager, publicationId: string): Promise<{ passed: boolean; problems: TRenderProblem[] } | undefined> {
    const rows: { passed: boolean; problems: TRenderProblem[] }[] = await m.query(
      `SELECT passed, problems FROM publication_checks WHERE publication_id = $1`,
      [publicationId],
    );
    return rows[0];
  }

  async listFiles(m: EntityManager, publicationId: string): Promise<TPublishedFile[]> {
    return m.query(
      `SELECT id, format, name, size, sha256 FROM publication_files WHERE publication_id = $1 ORDER BY format, name`,
      [publicationId],
    );
  }

  /** The files of these publications named `names` (e.g. disclosure.html), in one read. */
  async filesNamed(m: EntityManager, publicationIds: readonly string[], names: readonly string[]): Promise<{ publicationId: string; id: string; name: string }[]> {
    return m.query(
      `SELECT publication_id AS "publicationId", id, name FROM publication_files WHERE publication_id = ANY($1::uuid[]) AND name = ANY($2::text[])`,
      [[...publicationIds], [...names]],
    );
  }

  async identity(m: EntityManager, publicationId: string): Promise<TPublishedIdentity | undefined> {
    const rows: TPublishedIdentity[] = await m.query(
      `SELECT ${IDENTITY_COLUMNS} FROM publications p ${IDENTITY_JOINS} WHERE p.id = $1`,
      [publicationId],
    );
    return rows[0];
  }

  async findContent(m: EntityManager, fileId: string): Promise<(TFileContent & TPublishedIdentity) | undefined> {
    const rows: (TFileContent & TPublishedIdentity)[] = await m.query(
      `SELECT f.name, f.media_type AS "mediaType", f.sha256, f.content, ${IDENTITY_COLUMNS} FROM publication_files f JOIN publications p ON p.id = f.publication_id ${IDENTITY_JOINS} WHERE f.id = $1`,
      [fileId],
    );
    return rows[0];
  }
}
