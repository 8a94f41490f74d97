import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { KeyObject } from 'node:crypto';
import { newSigningKeyPem, privateKeyOf } from './signed-head';

/**
 * Where the key that signs the audit chain's heads comes from (never the database: someone who can
 * rewrite the database must not be able to sign a rewritten chain). AUDIT_SIGNING_KEY (PEM) or the
 * file AUDIT_SIGNING_KEY_FILE; demo mode generates the file when it is absent.
 */
export interface TAuditKeySource {
  readonly pem: string | undefined;
  readonly file: string;
  /** Demo mode: write a new key to `file` when there is none. */
  readonly generateIfAbsent: boolean;
}

const loaded = new Map<string, KeyObject>();

export function loadSigningKey(source: TAuditKeySource): KeyObject {
  if (source.pem !== undefined) return privateKeyOf(source.pem);
  const cached = loaded.get(source.file);
  if (cached !== undefined) return cached;
  const key = privateKeyOf(readOrCreate(source));
  loaded.set(source.file, key);
  return key;
}

function readOrCreate(source: TAuditKeySource): string {
  try {
    return readFileSync(source.file, 'utf8');
  } catch (error) {
    if (!source.generateIfAbsent || (error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dirname(source.file), { recursive: true });
  // Written whole, then linked into place: of two processes starting at once, one key wins and
  // both read it complete.
  const draft = `${source.file}.${process.pid}.tmp`;
  writeFileSync(draft, newSigningKeyPem(), { mode: 0o600 });
  try {
    linkSync(draft, source.file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  return readFileSync(source.file, 'utf8');
}
