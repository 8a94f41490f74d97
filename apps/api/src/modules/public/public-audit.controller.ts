import { Controller, Get, Inject, Param } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { Public } from '../../common/auth/roles.decorator';
import { notFound } from '../../common/errors/app-error';
import { documentRoute } from '../../common/openapi/openapi.registry';
import { IdPipe } from '../budgets/request-parts';
import { AuditHeads } from '../audit/audit-heads';
import { PUBLICATION_RECORD_ACTION, type TPublicationRecord } from '../audit/published-record';
import { ZSignedHead, type TSignedHead } from '../audit/signed-head';

const ZPublicKey = z.object({ algorithm: z.literal('Ed25519'), keyId: z.string(), publicKeyPem: z.string() });
const ZManifest = z.object({
  publicationId: z.uuid(),
  figuresSha256: z.string().describe('sha256 of the published disclosure as canonical JSON'),
  files: z.array(z.object({ id: z.uuid(), name: z.string(), sha256: z.string(), size: z.number().int() })),
  record: z.object({ chainNo: z.string(), hash: z.string() }).nullable().describe('the audit chain entry that records these hashes; null for a moment after publication'),
  signedHead: ZSignedHead.nullable().describe('the head signed once the record was chained'),
});
type TManifest = z.infer<typeof ZManifest>;

const tags = ['public'];
documentRoute({ method: 'get', path: '/api/public/audit/head', summary: 'The audit chain’s newest signed head (keep a copy: `pnpm budget audit-verify --signed-head FILE` checks the record against it)', tags, access: 'public', response: { status: 200, schema: ZSignedHead }, problems: [404] });
documentRoute({ method: 'get', path: '/api/public/audit/key', summary: 'The Ed25519 public key that signs the audit chain’s heads', tags, access: 'public', response: { status: 200, schema: ZPublicKey } });
documentRoute({ method: 'get', path: '/api/public/disclosures/{id}/manifest', summary: 'A publication’s manifest: each file’s sha256, the figures’ hash, their audit chain entry and the head signed after it', tags, access: 'public', params: z.object({ id: z.uuid() }), response: { status: 200, schema: ZManifest }, problems: [404] });

/** What anyone needs to check the published record without trusting the database. */
@Controller('api/public')
export class PublicAuditController {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly heads: AuditHeads,
  ) {}

  @Get('audit/head')
  @Public()
  async head(): Promise<TSignedHead> {
    const head = await this.heads.latest(this.dataSource.manager);
    if (head === undefined) throw notFound('Signed head');
    return head;
  }

  @Get('audit/key')
  @Public()
  key(): { algorithm: 'Ed25519'; keyId: string; publicKeyPem: string } {
    return this.heads.publicKey();
  }

  @Get('disclosures/:id/manifest')
  @Public()
  async manifest(@Param('id', new IdPipe('Disclosure')) id: string): Promise<TManifest> {
    const [entry] = (await this.dataSource.query(
      `SELECT payload, chain_no::text AS "chainNo", hash FROM audit_log WHERE action = $1 AND entity = 'publication' AND entity_id = $2 ORDER BY id LIMIT 1`,
      [PUBLICATION_RECORD_ACTION, id],
    )) as { payload: TPublicationRecord; chainNo: string | null; hash: string | null }[];
    // Recorded in the transaction that makes the files public: no entry, nothing published yet.
    if (entry === undefined) throw notFound('Disclosure');
    return {
      publicationId: id,
      figuresSha256: entry.payload.figuresSha256,
      files: entry.payload.files,
      record: entry.chainNo === null || entry.hash === null ? null : { chainNo: entry.chainNo, hash: entry.hash },
      signedHead: (await this.heads.forPublication(this.dataSource.manager, id)) ?? null,
    };
  }
}
