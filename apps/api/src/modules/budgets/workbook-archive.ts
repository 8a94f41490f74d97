import yauzl from 'yauzl';
import { AppError } from '../../common/errors/app-error';

/**
 * How far an uploaded .xlsx may inflate. An .xlsx is a zip of XML parts: the template of an
 * 80,000-line budget has 14 entries that inflate 9 times to 29 MB, so these bounds leave room for
 * any real workbook (Excel's own compress a little better) and none for a zip bomb.
 */
export const ARCHIVE_LIMITS = {
  entries: 500,
  inflatedBytes: 64 * 1024 * 1024,
  /** Inflated over compressed size of one entry, checked once the entry is past `ratioFrom` bytes. */
  ratio: 100,
  ratioFrom: 1024 * 1024,
};
export type TArchiveLimits = typeof ARCHIVE_LIMITS;

/**
 * Reads the whole archive once, inflating every entry and throwing its bytes away, before a
 * spreadsheet library (exceljs, through JSZip, which has no limits) may hold it in memory. The
 * central directory is checked first (count, declared sizes and ratios), then yauzl's
 * validateEntrySizes stops an entry the moment it inflates past its declared size, so a directory
 * that lies about its sizes is caught while inflating: the memory used stays one zlib window.
 */
export async function checkWorkbookArchive(bytes: Buffer, limits: TArchiveLimits = ARCHIVE_LIMITS): Promise<void> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (error, file) => (error ? reject(unreadable()) : resolve(file))),
  );
  if (zip.entryCount > limits.entries) throw tooLarge(`it has ${zip.entryCount} entries (at most ${limits.entries})`);
  let inflated = 0;
  await new Promise<void>((resolve, reject) => {
    const fail = (error: unknown): void => {
      zip.close();
      reject(error instanceof AppError ? error : overrun(error) ? tooLarge('an entry inflates past the size its directory declares') : unreadable());
    };
    zip.on('error', fail);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: yauzl.Entry) => {
      inflated += entry.uncompressedSize;
      const problem = sizeProblem(entry, inflated, limits);
      if (problem !== undefined) return fail(tooLarge(problem));
      if (entry.fileName.endsWith('/')) return zip.readEntry();
      zip.openReadStream(entry, (error, stream) => {
        if (error) return fail(error);
        stream.on('error', fail);
        stream.on('end', () => zip.readEntry());
        stream.resume();
      });
    });
    zip.readEntry();
  });
}

function sizeProblem(entry: yauzl.Entry, inflatedSoFar: number, limits: TArchiveLimits): string | undefined {
  if (inflatedSoFar > limits.inflatedBytes) return `its entries inflate to more than ${limits.inflatedBytes} bytes`;
  const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
  if (entry.uncompressedSize > limits.ratioFrom && ratio > limits.ratio) return `${entry.fileName} inflates ${Math.round(ratio)} times (at most ${limits.ratio})`;
  return undefined;
}

/** yauzl's validateEntrySizes: "too many bytes in the stream. expected … got at least …". */
function overrun(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('too many bytes in the stream');
}

function tooLarge(reason: string): AppError {
  return new AppError('ARCHIVE_TOO_LARGE', `The workbook is refused: ${reason}`, [{ path: 'workbook', message: reason }]);
}

/** Not a zip, a cut-off one, an encrypted entry, an entry longer than declared: the file is at fault. */
function unreadable(): AppError {
  return new AppError('VALIDATION_FAILED', 'The workbook could not be read', [{ path: 'workbook', message: 'not a readable .xlsx workbook' }]);
}
