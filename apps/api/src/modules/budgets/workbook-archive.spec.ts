import { generateBudget } from '@budgetflow/domain/testing';
import { zipBomb } from '../../../test/utils/zip-bomb';
import { AppError } from '../../common/errors/app-error';
import { exportBudgetTemplate } from '../reports/xlsx/budget-template';
import { ARCHIVE_LIMITS, checkWorkbookArchive } from './workbook-archive';

const MB = 1024 * 1024;

async function refusal(bytes: Buffer): Promise<{ code: string; status: number; reason: string | undefined }> {
  const error = await checkWorkbookArchive(bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return { code: error.code, status: error.status, reason: error.errors?.find((e) => e.path === 'workbook')?.message };
}

describe('checkWorkbookArchive', () => {
  it("passes a real template, a 10,000-line budget's", async () => {
    await expect(checkWorkbookArchive(await exportBudgetTemplate(generateBudget({ lines: 10_000 })))).resolves.toBeUndefined();
  });

  it('refuses a 400 MB bomb from its directory, before inflating it', async () => {
    const bomb = await zipBomb([{ name: 'xl/worksheets/sheet2.xml', inflatedBytes: 400 * MB }]);
    expect(bomb.length).toBeLessThan(MB);
    expect(await refusal(bomb)).toEqual({ code: 'ARCHIVE_TOO_LARGE', status: 413, reason: `its entries inflate to more than ${ARCHIVE_LIMITS.inflatedBytes} bytes` });
  });

  it('refuses an entry that inflates far more than a spreadsheet does', async () => {
    const bomb = await zipBomb([{ name: 'xl/sharedStrings.xml', inflatedBytes: 20 * MB }]);
    expect(await refusal(bomb)).toMatchObject({ code: 'ARCHIVE_TOO_LARGE', reason: expect.stringMatching(/^xl\/sharedStrings\.xml inflates \d+ times \(at most 100\)$/) });
  });

  it('stops a bomb whose directory lies about its size while inflating it', async () => {
    const bomb = await zipBomb([{ name: 'xl/worksheets/sheet2.xml', inflatedBytes: 300 * MB, declaredBytes: 1000 }]);
    expect(await refusal(bomb)).toEqual({ code: 'ARCHIVE_TOO_LARGE', status: 413, reason: 'an entry inflates past the size its directory declares' });
  });

  it('refuses more entries than a workbook has', async () => {
    const many = await zipBomb(Array.from({ length: ARCHIVE_LIMITS.entries + 1 }, (_, i) => ({ name: `x/${i}.xml`, inflatedBytes: 1 })));
    expect(await refusal(many)).toMatchObject({ code: 'ARCHIVE_TOO_LARGE', reason: `it has ${ARCHIVE_LIMITS.entries + 1} entries (at most ${ARCHIVE_LIMITS.entries})` });
  });

  it('answers what is not a zip as unreadable', async () => {
    expect(await refusal(Buffer.from('PK\u0003\u0004 not really a zip'))).toEqual({ code: 'VALIDATION_FAILED', status: 400, reason: 'not a readable .xlsx workbook' });
  });
});
