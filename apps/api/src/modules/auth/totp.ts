import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import { toDataURL } from 'qrcode';

/** RFC 6238 with the authenticator apps' defaults (SHA-1, 6 digits, 30 s); a code of the step before or after is taken too (clock drift). */
const TOLERANCE_SECONDS = 30;
const ISSUER = 'Budgetflow';
const RECOVERY_CODES = 10;

/**
 * TOTP secrets are stored encrypted (AES-256-GCM) under a key derived from SESSION_SECRET, so a copy
 * of the database alone does not give anyone's second factor.
 */
function keyOf(sessionSecret: string): Buffer {
  return createHash('sha256').update(`budgetflow totp secrets:${sessionSecret}`, 'utf8').digest();
}

export function sealSecret(sessionSecret: string, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(sessionSecret), iv);
  const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((b) => b.toString('base64url')).join('.');
}

/**
 * The secret, or undefined when this key cannot open it: it was sealed under another SESSION_SECRET
 * (GCM's tag does not match), so nobody's code can be checked against it until it is reset.
 */
export function openSecret(sessionSecret: string, sealed: string): string | undefined {
  const [iv = '', tag = '', data = ''] = sealed.split('.');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyOf(sessionSecret), Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

export interface TTotpEnrolment {
  secret: string;
  otpauthUri: string;
  /** The otpauth URI as a QR code (PNG data URL) for an authenticator app. */
  qrCode: string;
}

export async function newEnrolment(username: string): Promise<TTotpEnrolment> {
  const secret = generateSecret();
  const otpauthUri = generateURI({ issuer: ISSUER, label: username, secret });
  return { secret, otpauthUri, qrCode: await toDataURL(otpauthUri, { errorCorrectionLevel: 'M', margin: 2, width: 240 }) };
}

/**
 * The time step of a valid code newer than `lastStep` (a code is taken once: no replay), or undefined.
 */
export async function acceptedStep(secret: string, code: string, lastStep: number | null): Promise<number | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined;
  const result = await verify({ strategy: 'totp', secret, token: code, epochTolerance: TOLERANCE_SECONDS });
  // A TOTP result names the time step the code matched (delta says how far that is from now).
  if (!result.valid || !('timeStep' in result)) return undefined;
  const step = result.timeStep;
  return lastStep !== null && step <= lastStep ? undefined : step;
}

/** Ten single-use recovery codes, e.g. `k3f9-x2mq-7h`; stored as sha256 (they are random, so a fast hash suffices). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODES }, () => {
    const raw = randomBytes(8).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, 'x').slice(0, 10);
    return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8, 10)}`;
  });
}

export function recoveryCodeHash(code: string): string {
  return createHash('sha256').update(code.trim().toLowerCase(), 'utf8').digest('hex');
}
