import { catalogueForYear, diffByKey, ZBudgetDocument } from '@budgetflow/domain';
import { generateBudget } from '@budgetflow/domain/testing';
import { exportBudgetTemplate, importBudgetTemplate } from '../../apps/api/src/modules/reports/xlsx/budget-template';
import { readWorkbook } from '../../apps/api/src/modules/budgets/workbook-threads';
import { medianAsyncMs, type Figure } from './bench';

const LINES = 10_000;
const RUNS = 3;

/**
 * The workbook template of a 10,000-line budget (issue 10: export and import ≤ 2 s each): the
 * export as GET /workbook writes it, the import as POST /workbook/previews reads it (archive check,
 * parse in the worker thread, every cell through the domain's cell reader, the schema) and diffs it.
 * Baseline in the same run: the document's JSON round trip (what the JSON import costs).
 */
export async function run(report: (figure: Figure) => void): Promise<void> {
  const doc = generateBudget({ lines: LINES });
  const catalogue = catalogueForYear(doc.fiscalYear);
  const baselineMs = await medianAsyncMs(RUNS, () => Promise.resolve(ZBudgetDocument.parse(JSON.parse(JSON.stringify(doc)))));
  const exportMs = await medianAsyncMs(RUNS, () => exportBudgetTemplate(doc, catalogue));
  const bytes = await exportBudgetTemplate(doc, catalogue);
  const check = await importBudgetTemplate(doc, bytes, catalogue);
  if (!check.ok) throw new Error(`the exported template does not import: ${JSON.stringify(check.problems.slice(0, 3))}`);
  const importMs = await medianAsyncMs(RUNS, async () => {
    const read = await readWorkbook(doc, catalogue, bytes);
    if (read.ok) diffByKey(doc.expenditureLines, read.document.expenditureLines, (l) => l.id);
  });
  report({ name: 'workbook.json-roundtrip.10k', value: baselineMs, unit: 'ms', target: { op: '<', value: 1000 } });
  report({ name: 'workbook.export.10k', value: exportMs, unit: 'ms', target: { op: '<=', value: 2000 } });
  report({ name: 'workbook.import-preview.10k', value: importMs, unit: 'ms', target: { op: '<=', value: 2000 } });
  report({ name: 'workbook.import-preview.10k.ratio-to-json', value: importMs / baselineMs, unit: 'x', target: { op: '<=', value: 40 } });
  report({ name: 'workbook.template-size.10k', value: bytes.length / 1024, unit: 'KB', target: { op: '<=', value: 5 * 1024 }, decimals: 0 });
}
