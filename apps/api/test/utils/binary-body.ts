import type { Response } from 'supertest';

/** Supertest buffers only text by default: `.buffer(true).parse(binary)` gives a download's bytes. */
export function binary(res: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}
