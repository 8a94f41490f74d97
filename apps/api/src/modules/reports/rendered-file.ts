import { createHash } from 'node:crypto';

/** The formats a disclosure is published in; `csv` has one file per table. */
export const FILE_FORMATS = ['pdf', 'xlsx', 'html', 'json', 'csv', 'datapackage'] as const;
export type TFileFormat = (typeof FILE_FORMATS)[number];

/** One rendered file, with what a reader needs to check that the copy they hold is the published one. */
export interface TRenderedFile {
  format: TFileFormat;
  /** The file name as served: disclosure.pdf, t1.csv … */
  name: string;
  mediaType: string;
  bytes: Buffer;
  size: number;
  sha256: string;
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function renderedFile(format: TFileFormat, name: string, mediaType: string, bytes: Buffer): TRenderedFile {
  return { format, name, mediaType, bytes, size: bytes.length, sha256: sha256Hex(bytes) };
}
