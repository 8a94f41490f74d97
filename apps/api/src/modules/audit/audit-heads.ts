import type { DataSource, EntityManager } from 'typeorm';
import { chainCommitted } from './audit-chainer';
import { publicKeyPemOf, signHead, keyIdOf, type TSignedHead } from './signed-head';
import { loadSigningKey, type TAuditKeySource } from './signing-key';
import { createPublicKey } from 'node:crypto';

const SELECT_HEAD = `SELECT chain_no::text AS "chainNo", hash, signed_at AS "signedAt", reason, publication_id AS "publicationId", key_id AS "keyId", signature FROM audit_heads`;

type THeadRow = Omit<TSignedHead, 'signedAt'> & { signedAt: Date };

/**
 * The signed heads of the audit chain (audit_heads): signed at each publication and daily, read by
 * the public routes. The key comes from outside the database (TAuditKeySource).
 */
export class AuditHeads {
  constructor(
    private readonly dataSource: DataSource,
    private readonly key: TAuditKeySource,
  ) {}

  /**
   * Chains what is committed, then signs the chain's head and stores it, with `also` in the same
   * transaction (the job marks its outbox row done there). Undefined while the chain is empty.
   */
  async sign(reason: TSignedHead['reason'], publicationId: string | null, also?: (m: EntityManager) => Promise<void>): Promise<TSignedHead | undefined> {
    await chainCommitted(this.dataSource);
    const privateKey = loadSigningKey(this.key);
    return this.dataSource.transaction(async (m) => {
      const [head] = (await m.query(`SELECT chain_no::text AS "chainNo", hash FROM audit_log WHERE chain_no IS NOT NULL ORDER BY chain_no DESC LIMIT 1`)) as { chainNo: string; hash: string }[];
      await also?.(m);
      if (head === undefined) return undefined;
      const signed = signHead(privateKey, { chainNo: head.chainNo, hash: head.hash, signedAt: new Date().toISOString(), reason, publicationId });
      await m.query(`INSERT INTO audit_heads (chain_no, hash, signed_at, reason, publication_id, key_id, signature) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [
        signed.chainNo,
        signed.hash,
        signed.signedAt,
        signed.reason,
        signed.publicationId,
        signed.keyId,
        signed.signature,
      ]);
      return signed;
    });
  }

  async latest(m: EntityManager): Promise<TSignedHead | undefined> {
    return view((await m.query(`${SELECT_HEAD} ORDER BY id DESC LIMIT 1`)) as THeadRow[]);
  }

  /** The head signed once the publication's record was chained (undefined until then). */
  async forPublication(m: EntityManager, publicationId: string): Promise<TSignedHead | undefined> {
    return view((await m.query(`${SELECT_HEAD} WHERE publication_id = $1 ORDER BY id LIMIT 1`, [publicationId])) as THeadRow[]);
  }

  publicKey(): { algorithm: 'Ed25519'; keyId: string; publicKeyPem: string } {
    const privateKey = loadSigningKey(this.key);
    return { algorithm: 'Ed25519', keyId: keyIdOf(createPublicKey(privateKey)), publicKeyPem: publicKeyPemOf(privateKey) };
  }
}

function view(rows: THeadRow[]): TSignedHead | undefined {
  const row = rows[0];
  return row === undefined ? undefined : { ...row, signedAt: row.signedAt.toISOString() };
}
