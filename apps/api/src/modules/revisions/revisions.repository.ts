import type { TBudgetDocument, TDisclosure, TFinding, TRevision, TRevisionMeta } from '@budgetflow/domain';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

export interface TNewRevision {
  budgetId: string;
  revisionNo: number;
  budgetVersion: number;
  document: TBudgetDocument;
  disclosure: TDisclosure;
  findings: readonly TFinding[];
  sha256: string;
  submittedBy: string;
  editorIds: readonly string[];
}

const META = `r.revision_no AS "revisionNo", r.budget_version AS "budgetVersion", r.sha256,
  json_build_object('id', u.id, 'username', u.username) AS "submittedBy", r.editors AS "editorIds",
  to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"`;

/** Frozen revisions: written once at submission, then only read (a trigger refuses changes). */
@Injectable()
export class RevisionsRepository {
  async insert(m: EntityManager, r: TNewRevision): Promise<void> {
    await m.query(
      `INSERT INTO revisions (budget_id, revision_no, budget_version, document, disclosure, findings, sha256, submitted_by, editors)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::uuid[])`,
      [r.budgetId, r.revisionNo, r.budgetVersion, JSON.stringify(r.document), JSON.stringify(r.disclosure), JSON.stringify(r.findings), r.sha256, r.submittedBy, [...r.editorIds]],
    );
  }

  async list(m: EntityManager, budgetId: string): Promise<TRevisionMeta[]> {
    return m.query(`SELECT ${META} FROM revisions r JOIN users u ON u.id = r.submitted_by WHERE r.budget_id = $1 ORDER BY r.revision_no`, [budgetId]);
  }

  async findMeta(m: EntityManager, budgetId: string, revisionNo: number): Promise<TRevisionMeta | undefined> {
    const rows: TRevisionMeta[] = await m.query(
      `SELECT ${META} FROM revisions r JOIN users u ON u.id = r.submitted_by WHERE r.budget_id = $1 AND r.revision_no = $2`,
      [budgetId, revisionNo],
    );
    return rows[0];
  }

  async find(m: EntityManager, budgetId: string, revisionNo: number): Promise<TRevision | undefined> {
    const rows: TRevision[] = await m.query(
      `SELECT ${META}, r.document, r.disclosure, r.findings
       FROM revisions r JOIN users u ON u.id = r.submitted_by WHERE r.budget_id = $1 AND r.revision_no = $2`,
      [budgetId, revisionNo],
    );
    return rows[0];
  }
}
