import { UnrecoverableError } from 'bullmq';
import type { DataSource } from 'typeorm';
import { z } from 'zod';
import type { TOutboxJobData } from '../../../queue/job-registry';
import { AuditHeads } from '../audit-heads';
import type { TAuditKeySource } from '../signing-key';

const ZSignHeadPayload = z.object({ publicationId: z.uuid() });

/**
 * Signs the audit chain's head: after a publication's record (outbox topic audit.sign-head), and
 * daily (a repeatable job), so that a copy of a recent head is always out of the database's reach.
 */
export class SignAuditHeadJob {
  private readonly heads: AuditHeads;

  constructor(
    private readonly dataSource: DataSource,
    key: TAuditKeySource,
  ) {
    this.heads = new AuditHeads(dataSource, key);
  }

  async afterPublication(data: TOutboxJobData): Promise<string> {
    const parsed = ZSignHeadPayload.safeParse(data.payload);
    if (!parsed.success) throw new UnrecoverableError(`bad audit.sign-head payload: ${parsed.error.message}`);
    const { publicationId } = parsed.data;
    const existing = await this.heads.forPublication(this.dataSource.manager, publicationId);
    if (existing !== undefined) {
      await this.dataSource.query(`UPDATE outbox SET done_at = now() WHERE id = $1 AND done_at IS NULL`, [data.outboxId]);
      return `already signed at entry ${existing.chainNo}`;
    }
    const signed = await this.heads.sign('publication', publicationId, async (m) => {
      await m.query(`UPDATE outbox SET done_at = now() WHERE id = $1`, [data.outboxId]);
    });
    return `signed entry ${signed?.chainNo ?? '(none)'}`;
  }

  async daily(): Promise<string> {
    const signed = await this.heads.sign('daily', null);
    return signed === undefined ? 'the chain is empty' : `signed entry ${signed.chainNo}`;
  }
}
