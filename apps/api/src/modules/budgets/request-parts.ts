import { PipeTransform } from '@nestjs/common';
import type { Request } from 'express';
import { z } from 'zod';
import { AppError, notFound } from '../../common/errors/app-error';

/** A path id that is not a UUID names nothing: answered like a missing object (404), never a 500. */
export class IdPipe implements PipeTransform<unknown, string> {
  constructor(private readonly entity: string) {}

  transform(value: unknown): string {
    if (typeof value !== 'string' || !z.uuid().safeParse(value).success) throw notFound(this.entity);
    return value;
  }
}

const ETAG_VERSION = /^(?:W\/)?"?(\d{1,9})"?$/;

/**
 * The version an editor last saw, from the `version` field or the `If-Match` header (an ETag
 * like "7" as GET answered it). Required: an edit that does not say what it changes is refused.
 */
export function versionSeen(bodyVersion: number | undefined, ifMatch: string | undefined): number {
  const fromHeader = ifMatch === undefined ? undefined : ETAG_VERSION.exec(ifMatch.trim())?.[1];
  if (ifMatch !== undefined && fromHeader === undefined) {
    throw new AppError('VALIDATION_FAILED', 'If-Match must be the ETag of the budget, e.g. "7"', [{ path: 'If-Match', message: 'not a budget version' }]);
  }
  const headerVersion = fromHeader === undefined ? undefined : Number(fromHeader);
  if (bodyVersion !== undefined && headerVersion !== undefined && bodyVersion !== headerVersion) {
    throw new AppError('VALIDATION_FAILED', 'The version field and If-Match disagree', [{ path: 'version', message: `differs from If-Match ${headerVersion}` }]);
  }
  const version = bodyVersion ?? headerVersion;
  if (version === undefined) {
    throw new AppError('VALIDATION_FAILED', 'Say which version you edited: the version field or If-Match', [{ path: 'version', message: 'required (or If-Match)' }]);
  }
  return version;
}

/** The ETag of a budget at a version. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** Whether to gzip an answer: only when asked for, so a client that names no encoding gets the plain bytes. */
export function acceptsGzip(req: Request): boolean {
  return req.headers['accept-encoding'] !== undefined && req.acceptsEncodings('gzip') === 'gzip';
}
