import type { EntityManager } from 'typeorm';
import type { TRenderProblem } from './check/rendered-check';
import type { TRenderedFile } from './rendered-file';

/** The check of a revision's rendered files: only files that passed are ever published. */
export interface TRevisionCheck {
  passed: boolean;
  problems: TRenderProblem[];
}

/** A rendered file of a revision as listed: its name is its address within the revision. */
export interface TRevisionFileMeta {
  format: string;
  name: string;
  size: number;
  sha256: string;
}

export interface TRevisionFileContent {
  mediaType: string;
  sha256: string;
  content: Buffer;
}

/** Named queries on revision_files and revision_checks (append-only). */
export class RevisionFilesRepository {
  async findCheck(m: EntityManager, budgetId: string, revisionNo: number): Promise<TRevisionCheck | undefined> {
    const rows: TRevisionCheck[] = await m.query(`SELECT passed, problems FROM revision_checks WHERE budget_id = $1 AND revision_no = $2`, [budgetId, revisionNo]);
    return rows[0];
  }

  /** Records the check in the caller's transaction; false when a concurrent run recorded it first. */
  async recordCheck(m: EntityManager, budgetId: string, revisionNo: number, problems: TRenderProblem[]): Promise<boolean> {
    const rows: unknown[] = await m.query(
      `INSERT INTO revision_checks (budget_id, revision_no, passed, problems) VALUES ($1, $2, $3, $4)
       ON CONFLICT (budget_id, revision_no) DO NOTHING RETURNING budget_id`,
      [budgetId, revisionNo, problems.length === 0, JSON.stringify(problems)],
    );
    return rows.length > 0;
  }

  /** Stores every file in the caller's transaction; a file a concurrent run already stored is kept as it is. */
  async insert(m: EntityManager, budgetId: string, revisionNo: number, files: TRenderedFile[]): Promise<void> {
    for (const f of files) {
      await m.query(
        `INSERT INTO revision_files (budget_id, revision_no, name, format, media_type, size, sha256, content)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (budget_id, revision_no, name) DO NOTHING`,
        [budgetId, revisionNo, f.name, f.format, f.mediaType, f.size, f.sha256, f.bytes],
      );
    }
  }

  async list(m: EntityManager, budgetId: string, revisionNo: number): Promise<TRevisionFileMeta[]> {
    return m.query(`SELECT format, name, size, sha256 FROM revision_files WHERE budget_id = $1 AND revision_no = $2 ORDER BY format, name`, [budgetId, revisionNo]);
  }

  async findContent(m: EntityManager, budgetId: string, revisionNo: number, name: string): Promise<TRevisionFileContent | undefined> {
    const rows: TRevisionFileContent[] = await m.query(
      `SELECT media_type AS "mediaType", sha256, content FROM revision_files WHERE budget_id = $1 AND revision_no = $2 AND name = $3`,
      [budgetId, revisionNo, name],
    );
    return rows[0];
  }
}
