import type { TBudgetDocument } from '@budgetflow/domain';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ImportExport } from '../src/features/editor/import-export';
import type { TWorkbookPreview } from '../src/features/editor/workbook-preview';
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

const noChanges = { added: 0, removed: 0, changed: 0, changedLines: [] };
const shownPreview: TWorkbookPreview = {
  previewId: 'p-1',
  baseVersion: 3,
  expenditure: { added: 2, removed: 1, changed: 1, changedLines: [{ id: 'L001', fields: ['amount', 'kind'] }] },
  income: noChanges,
  projects: { added: 1, removed: 0, changed: 1, changedLines: [{ id: 'P2020-001', fields: ['details', 'indicators', 'leader', 'name'] }] },
  otherParts: ['units', 'staffing', 'functions', 'performanceIndicators', 'priorYears', 'changeReasons', 'otherMatters'],
  errorCount: 1,
  findings: [
    { ruleId: 'T1.BALANCED', severity: 'error', message: { zh: '收支总表不平衡：收入 1,000.00 元，支出 1,200.00 元', en: 'unbalanced' }, location: { kind: 'table', table: 'T1' } },
    { ruleId: 'PROJECT.X', severity: 'warning', message: { zh: '项目缺少绩效目标', en: 'no target' }, location: { kind: 'project', projectId: 'P1' } },
  ],
};

function renderImport(
  onImport: (doc: TBudgetDocument) => Promise<void>,
  onImportWorkbook: (previewId: string) => Promise<number>,
  previewWorkbook: (budgetId: string, file: File) => Promise<TWorkbookPreview> = () => Promise.resolve(shownPreview),
) {
  render(
    <I18nProvider initial="zh">
      <ImportExport budgetId="b-1" saved={seed} editable onImport={onImport} onImportWorkbook={onImportWorkbook} previewWorkbook={previewWorkbook} />
    </I18nProvider>,
  );
  return (file: File) => fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
}

describe('the editor import', () => {
  it('shows a workbook as a preview and applies it only once confirmed', async () => {
    const read: string[] = [];
    const applied: string[] = [];
    const json = jest.fn(() => Promise.resolve());
    const choose = renderImport(
      json,
      (previewId) => {
        applied.push(previewId);
        return Promise.resolve(42);
      },
      (budgetId, file) => {
        read.push(`${budgetId}:${file.name}`);
        return Promise.resolve(shownPreview);
      },
    );
    choose(new File([new Uint8Array([0x50, 0x4b, 3, 4])], 'budget.xlsx', { type: XLSX_MEDIA_TYPE }));
    const dialog = await screen.findByRole('dialog', { name: '导入预览' });
    expect(read).toEqual(['b-1:budget.xlsx']);
    expect(dialog.textContent).toContain('新增 2 行，删除 1 行，修改 1 行');
    expect(dialog.textContent).toContain('第 L001 行：金额（元）、支出类型');
    expect(dialog.textContent).toContain('新增 1 个，删除 0 个，修改 1 个');
    expect(dialog.textContent).toContain('项目 P2020-001：支出明细测算、绩效指标、项目负责人、项目名称');
    expect(dialog.textContent).toContain('另将更新：预算单位、人员构成、部门主要职能、部门整体绩效指标、上年数、变动原因、其他说明');
    expect(dialog.textContent).toContain('导入后的检查结果：1 个错误，1 个警告');
    expect(dialog.textContent).toContain('收支总表不平衡：收入 1,000.00 元，支出 1,200.00 元');
    expect(dialog.textContent).not.toMatch(/T1\.BALANCED|amount|kind|details|indicators|leader|units|staffing|priorYears|changeReasons|otherMatters/);
    expect(applied).toEqual([]);

    // Cancel applies nothing; the same file again, then confirm, applies that preview.
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(applied).toEqual([]);
    choose(new File([new Uint8Array([0x50, 0x4b, 3, 4])], 'budget.xlsx', { type: XLSX_MEDIA_TYPE }));
    fireEvent.click(await screen.findByRole('button', { name: '确认导入' }));
    await screen.findByText('已导入，共 42 行');
    expect(applied).toEqual(['p-1']);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(json).not.toHaveBeenCalled();
  });

  it('says so when the budget changed after the preview', async () => {
    const choose = renderImport(
      () => Promise.resolve(),
      () => Promise.reject(new ApiError(409, 'VERSION_CONFLICT', 'The budget changed', [])),
    );
    choose(new File(['x'], 'edited.xlsx'));
    fireEvent.click(await screen.findByRole('button', { name: '确认导入' }));
    expect((await screen.findByRole('alert')).textContent).toBe('预算在预览之后已被修改，请重新选择工作簿导入');
  });

  it('lists every cell the API refused as the API places it, in Chinese, with no field key or English detail', async () => {
    const fields = [
      { path: '支出.3.amount', message: '「支出」表第 3 行「金额」列：不是金额：「12a」' },
      { path: '收入.2.source', message: '「收入」表第 2 行「资金来源」列：此单元格为空' },
      { path: '支出.7.functionCode', message: '「支出」表第 7 行「功能科目」列：不接受公式' },
      { path: '支出.9.kind', message: '「支出」表第 9 行「支出类型」列：无此支出类型' },
    ];
    const choose = renderImport(
      () => Promise.resolve(),
      () => Promise.resolve(0),
      () => Promise.reject(new ApiError(400, 'VALIDATION_FAILED', 'The workbook has 4 problem(s); nothing was imported (支出.3.amount: …)', fields)),
    );
    choose(new File(['x'], 'edited.xlsx'));
    const alert = await screen.findByRole('alert');
    expect(alert.firstChild?.textContent).toBe('导入失败：有 4 处问题，未导入任何内容');
    // All four, the fourth too (the error's own message names only three).
    expect(Array.from(alert.querySelectorAll('li')).map((c) => c.textContent)).toEqual(fields.map((f) => f.message));
    expect(alert.textContent).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('says in Chinese that a file is no workbook', async () => {
    const choose = renderImport(
      () => Promise.resolve(),
      () => Promise.resolve(0),
      () => Promise.reject(new ApiError(400, 'VALIDATION_FAILED', 'The workbook could not be read', [{ path: 'workbook', message: 'not a readable .xlsx workbook' }])),
    );
    choose(new File(['x'], 'photo.xlsx'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('导入失败：文件不是可读取的 .xlsx 工作簿（或文件不完整），未导入任何内容');
  });

  it('still takes JSON, checked against the schema before it is sent', async () => {
    const imported: TBudgetDocument[] = [];
    const workbook = jest.fn(() => Promise.resolve(shownPreview));
    const choose = renderImport(
      (doc) => {
        imported.push(doc);
        return Promise.resolve();
      },
      () => Promise.resolve(0),
      workbook,
    );
    choose(jsonFile('broken.json', { ...seed, fiscalYear: 'next' }));
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('li')?.textContent).toBe('预算年度：请填写整数');
    expect(alert.textContent).not.toMatch(/[A-Za-z]{3,}/);
    choose(jsonFile('seed.json', seed));
    await waitFor(() => expect(imported).toHaveLength(1));
    expect(imported[0]?.expenditureLines).toHaveLength(seed.expenditureLines.length);
    expect(workbook).not.toHaveBeenCalled();
  });
});
