import { Injectable } from '@nestjs/common';
import type { TCatalogueEdition } from '@budgetflow/domain';
import type { EntityManager } from 'typeorm';

export interface TUploadRow {
  id: string;
  fiscal_year: number;
  edition: TCatalogueEdition;
  uploaded_at: Date;
  confirmed_at: Date | null;
}

/** catalogue_uploads and catalogue_confirmations: both append-only (see their migration). */
@Injectable()
export class CatalogueUploadsRepository {
  async insert(m: EntityManager, year: number, edition: TCatalogueEdition, userId: string): Promise<string> {
    const [row] = (await m.query(`INSERT INTO catalogue_uploads (fiscal_year, edition, uploaded_by) VALUES ($1, $2, $3) RETURNING id`, [year, JSON.stringify(edition), userId])) as [{ id: string }];
    return row.id;
  }

  async find(m: EntityManager, year: number, id: string): Promise<TUploadRow | undefined> {
    const rows = (await m.query(
      `SELECT u.id, u.fiscal_year, u.edition, u.uploaded_at, c.confirmed_at
       FROM catalogue_uploads u LEFT JOIN catalogue_confirmations c ON c.upload_id = u.id
       WHERE u.id = $1 AND u.fiscal_year = $2`,
      [id, year],
    )) as TUploadRow[];
    return rows[0];
  }

  /** The id of the edition in force for the year: its newest confirmed upload, if any. */
  async inForceId(m: EntityManager, year: number): Promise<string | undefined> {
    const rows = (await m.query(`SELECT upload_id FROM catalogue_confirmations WHERE fiscal_year = $1 ORDER BY seq DESC LIMIT 1`, [year])) as { upload_id: string }[];
    return rows[0]?.upload_id;
  }

  async edition(m: EntityManager, id: string): Promise<TCatalogueEdition> {
    const [row] = (await m.query(`SELECT edition FROM catalogue_uploads WHERE id = $1`, [id])) as [{ edition: TCatalogueEdition }];
    return row.edition;
  }

  /** Confirms an upload; false when it was confirmed already (the primary key holds one confirmation). */
  async confirm(m: EntityManager, year: number, id: string, userId: string): Promise<Date | undefined> {
    const rows = (await m.query(
      `INSERT INTO catalogue_confirmations (upload_id, fiscal_year, confirmed_by) VALUES ($1, $2, $3) ON CONFLICT (upload_id) DO NOTHING RETURNING confirmed_at`,
      [id, year, userId],
    )) as { confirmed_at: Date }[];
    return rows[0]?.confirmed_at;
  }
}
