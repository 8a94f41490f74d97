import { PUBLISHED_HTML_CSP } from '@budgetflow/domain';
import type { Response } from 'express';
import { attachmentDisposition } from './content-disposition';

/** A rendered file as it is sent: its bytes, what they are, their sha256 (the ETag). */
export interface TFileToSend {
  /** what it is saved as (a published file's 部门+年度+版本+内容 name) */
  name: string;
  /** the file's own name (t5.csv), its address: the ASCII fallback of a name ASCII cannot carry */
  ownName?: string;
  mediaType: string;
  sha256: string;
  content: Buffer;
  /** shown in the browser rather than saved (a published page read without the portal's script) */
  inline?: boolean;
}

/**
 * Sends a rendered file as a download (or, `inline`, to be shown). The published HTML's own policy comes as a header too,
 * sandboxed and never framed: whatever a file holds, opening it from this origin runs nothing.
 */
export function sendRenderedFile(res: Response, file: TFileToSend, headers: Record<string, string> = {}): void {
  res.setHeader('Content-Type', file.mediaType);
  res.setHeader('Content-Length', String(file.content.length));
  res.setHeader('Content-Disposition', attachmentDisposition(file.name, file.ownName, file.inline === true ? 'inline' : 'attachment'));
  res.setHeader('ETag', `"${file.sha256}"`);
  res.setHeader('Content-Security-Policy', `${PUBLISHED_HTML_CSP}; frame-ancestors 'none'; sandbox`);
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.end(file.content);
}
