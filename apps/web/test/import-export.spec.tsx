import type { TBudgetDocument } from '@budgetflow/domain';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ImportExport } from '../src/features/editor/import-export';
import { XLSX_MEDIA_TYPE } from '../src/features/editor/use-budget-editor';
import { ApiError } from '../src/lib/api-client';
import { I18nProvider } from '../src/lib/i18n';
import { seedDocument } from './budget-fixture';

const seed = seedDocument();

/** A JSON file as a browser gives it; jsdom's File has no text(), so it is given the browser's. */
function jsonFile(name: string, value: unknown): File {
  const text = JSON.stringify(value);
  return Object.assign(new File([text], name, { type: 'application/json' }), { text: () => Promise.resolve(text) });
}

function renderImport(onImport: (doc: TBudgetDocument) => Promise<void>, onImportWorkbook: (file: File) => Promise<number>) {
  render(
    <I18nProvider initial="zh">
      <ImportExport budgetId="b-1" saved={seed} editable onImport={onImport} onImportWorkbook={onImportWorkbook} />
    </I18nProvider>,
  );
  return (file: File) => fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
}

describe('the editor import', () => {
  it('sends a workbook to the workbook import and says how many lines came in', async () => {
    const workbooks: File[] = [];
    const json = jest.fn(() => Promise.resolve());
    const choose = renderImport(json, (file) => {
      workbooks.push(file);
      return Promise.resolve(42);
    });
    choose(new File([new Uint8Array([0x50, 0x4b, 3, 4])], 'budget.xlsx', { type: XLSX_MEDIA_TYPE }));
    await screen.findByText('已导入，共 42 行');
    expect(workbooks.map((f) => f.name)).toEqual(['budget.xlsx']);
    expect(json).not.toHaveBeenCalled();
  });

  it('lists every cell the API refused, with its sheet, row and field', async () => {
    const fields = [
      { path: '支出.3.amount', message: 'sheet 支出, row 3, amount: not an amount' },
      { path: '收入.2.source', message: 'sheet 收入, row 2, source: this cell is empty' },
      { path: '支出.7.functionCode', message: 'formulas are not accepted' },
      { path: '支出.9.kind', message: 'unknown kind' },
    ];
    const choose = renderImport(
      () => Promise.resolve(),
      () => Promise.reject(new ApiError(400, 'VALIDATION_FAILED', 'The workbook has 4 problem(s); nothing was imported (支出.3.amount: …)', fields)),
    );
    choose(new File(['x'], 'edited.xlsx'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('导入失败：The workbook has 4 problem(s); nothing was imported');
    // All four, the fourth too (the error's own message names only three).
    expect(Array.from(alert.querySelectorAll('li code')).map((c) => c.textContent)).toEqual(fields.map((f) => f.path));
  });

  it('still takes JSON, checked against the schema before it is sent', async () => {
    const imported: TBudgetDocument[] = [];
    const workbook = jest.fn(() => Promise.resolve(0));
    const choose = renderImport((doc) => {
      imported.push(doc);
      return Promise.resolve();
    }, workbook);
    choose(jsonFile('broken.json', { ...seed, fiscalYear: 'next' }));
    expect((await screen.findByRole('alert')).textContent).toContain('fiscalYear');
    choose(jsonFile('seed.json', seed));
    await waitFor(() => expect(imported).toHaveLength(1));
    expect(imported[0]?.expenditureLines).toHaveLength(seed.expenditureLines.length);
    expect(workbook).not.toHaveBeenCalled();
  });
});
