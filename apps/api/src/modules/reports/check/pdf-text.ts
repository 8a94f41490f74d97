import { execFile } from 'node:child_process';

/**
 * The text of a PDF as a reader's tools extract it (pdftotext of poppler-utils, which the worker's
 * host installs). Checking what pdftotext sees, not what we meant to draw, catches missing glyphs
 * and broken ToUnicode maps as well as wrong figures.
 */
export function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = execFile('pdftotext', ['-enc', 'UTF-8', '-layout', '-', '-'], { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' }, (error, stdout) => {
      if (error) reject(new Error(`pdftotext failed: ${error.message}`));
      else resolve(stdout);
    });
    child.stdin?.end(pdf);
  });
}
