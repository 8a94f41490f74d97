import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from './audit-chain';

/**
 * A signed head of the audit chain: "entry `chainNo` has hash `hash`", signed (Ed25519) with a key
 * the database does not hold. Whoever keeps a copy (the public, the portal's visitors, an auditor)
 * can later show that the chain up to that entry was not truncated or rewritten, even by someone
 * who can rewrite the whole database. Pure: shared by the API, the jobs and `pnpm budget audit-verify`.
 *
 * signature = Ed25519( canonicalJson({ chainNo, hash, signedAt, reason, publicationId, keyId }) ), base64
 */
export const ZSignedHead = z.object({
  chainNo: z.string().regex(/^\d+$/).describe('the entry’s place in the chain, a decimal string'),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  signedAt: z.iso.datetime(),
  reason: z.enum(['publication', 'daily']),
  publicationId: z.uuid().nullable(),
  keyId: z.string().regex(/^[0-9a-f]{16}$/).describe('the first 16 hex digits of the sha256 of the public key (DER)'),
  signature: z.string().min(1).describe('Ed25519 over the canonical JSON of the other members, base64'),
});
export type TSignedHead = z.infer<typeof ZSignedHead>;
export type THeadStatement = Omit<TSignedHead, 'signature'>;

export function headStatementText(statement: THeadStatement): string {
  const { chainNo, hash, signedAt, reason, publicationId, keyId } = statement;
  return canonicalJson({ chainNo, hash, signedAt, reason, publicationId, keyId });
}

export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 16);
}

export function signHead(privateKey: KeyObject, statement: Omit<THeadStatement, 'keyId'>): TSignedHead {
  const full: THeadStatement = { ...statement, keyId: keyIdOf(createPublicKey(privateKey)) };
  return { ...full, signature: sign(null, Buffer.from(headStatementText(full), 'utf8'), privateKey).toString('base64') };
}

/** Why a signed head cannot be trusted, or undefined when the signature holds for this public key. */
export function signedHeadProblem(publicKeyPem: string, head: TSignedHead): string | undefined {
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(publicKeyPem);
  } catch {
    return 'the public key is not a PEM public key';
  }
  if (publicKey.asymmetricKeyType !== 'ed25519') return 'the public key is not an Ed25519 key';
  if (keyIdOf(publicKey) !== head.keyId) return `the head was signed with key ${head.keyId}, not with this key (${keyIdOf(publicKey)})`;
  const ok = verify(null, Buffer.from(headStatementText(head), 'utf8'), publicKey, Buffer.from(head.signature, 'base64'));
  return ok ? undefined : 'the signature does not match the head (the head or the signature was altered)';
}

export function publicKeyPemOf(privateKey: KeyObject): string {
  return createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
}

/** A new Ed25519 private key as PKCS#8 PEM (for the demo's generated key). */
export function newSigningKeyPem(): string {
  return generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

export function privateKeyOf(pem: string): KeyObject {
  const key = createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the audit signing key must be an Ed25519 private key');
  return key;
}
