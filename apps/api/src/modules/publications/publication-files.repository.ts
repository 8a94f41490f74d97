import type { EntityManager } from 'typeorm';
import type { TRenderProblem } from '../reports/check/rendered-check';
import type { TRenderedFile } from '../reports/rendered-file';

/** A published file as listed to the public: where to download it and how to check the copy. */
export interface TPublishedFile {
  id: string;
  format: string;
  name: string;
  size: number;
  sha256: string;
}

export interface TFileContent {
  name: string;
  mediaType: string;
  sha256: string;
  content: Buffer;
}

/** Named queries on publication_checks and publication_files (append-only tables). */
export class PublicationFilesRepository {
  /**
   * Records the check and, when it passed, every file, in the caller's transaction. Returns false
   * when the publication already had its outcome: a rerun of the job then changes nothing.
   */
  async recordOutcome(m: EntityManager, publicationId: string, problems: TRenderProblem[], files: TRenderedFile[]): Promise<boolean> {
    const inserted: unknown[] = await m.query(
      `INSERT INTO publication_checks (publication_id, passed, problems) VALUES ($1, $2, $3)
       ON CONFLICT (publication_id) DO NOTHING RETURNING publication_id`,
      [publicationId, problems.length === 0, JSON.stringify(problems)],
    );
    if (inserted.length === 0 || problems.length > 0) return inserted.length > 0;
    for (const f of files) {
      await m.query(
        `INSERT INTO publication_files (publication_id, name, format, media_type, size, sha256, content)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [publicationId, f.name, f.format, f.mediaType, f.size, f.sha256, f.bytes],
      );
    }
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

  async findContent(m: EntityManager, fileId: string): Promise<TFileContent | undefined> {
    const rows: TFileContent[] = await m.query(
      `SELECT name, media_type AS "mediaType", sha256, content FROM publication_files WHERE id = $1`,
      [fileId],
    );
    return rows[0];
  }
}
