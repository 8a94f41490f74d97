import type { Request, Response } from 'express';
import express from 'express';
import { AppError } from '../../common/errors/app-error';

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** A 10,000-line budget's template is about 600 KB; the limit leaves room without inviting abuse. */
export const WORKBOOK_LIMIT = '5mb';

const rawXlsx = express.raw({ type: XLSX_MEDIA_TYPE, limit: WORKBOOK_LIMIT });

/**
 * The uploaded workbook's bytes. The app's body parser reads only JSON and text, so the stream of
 * an .xlsx upload is still unread here: it is read under its own limit, and any other content type
 * is refused (415) before a byte is read.
 */
export async function readWorkbookBody(req: Request, res: Response): Promise<Buffer> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== XLSX_MEDIA_TYPE) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send the workbook as ${XLSX_MEDIA_TYPE}`, [{ path: 'Content-Type', message: `${type === '' ? 'missing' : type}: not a workbook (.xlsx)` }]);
  }
  await new Promise<void>((resolve, reject) => {
    rawXlsx(req, res, (error?: unknown) => (error === undefined ? resolve() : reject(bodyError(error))));
  });
  const body: unknown = req.body;
  if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError('VALIDATION_FAILED', 'The workbook is empty', [{ path: 'workbook', message: 'no bytes were sent' }]);
  return body;
}

function bodyError(error: unknown): AppError {
  const type = typeof error === 'object' && error !== null && 'type' in error ? String(error.type) : '';
  if (type === 'entity.too.large') return new AppError('PAYLOAD_TOO_LARGE', `The workbook exceeds ${WORKBOOK_LIMIT}`);
  return new AppError('VALIDATION_FAILED', 'The workbook could not be read', [{ path: 'workbook', message: 'the upload was cut off or unreadable' }]);
}
