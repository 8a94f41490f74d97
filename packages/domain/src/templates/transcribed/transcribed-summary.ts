import type { TColumn, TRow, TSection } from '../../disclosure/disclosure.schema';
import { columnsOf } from '../../derive/column-sets';
import type { NameCatalogue } from '../../derive/catalogue-names';
import { incomeScheme } from '../../derive/source-summary';
import { amountColumn, makeRow, type TableBody } from '../../derive/table-parts';
import type { TTableRows, TTemplateTable } from '../template.schema';
import { printedCell } from './printed-amount';
import { TranscriptionError } from './transcribed-tables';
import type { TPrinted, TTranscribedTable } from './transcription.schema';

type SummaryRows = Extract<TTableRows, { from: 'source-summary' }>;

/** Expenditure rows by use, keyed as the derivation keys them; the reserve has no kind of its own yet. */
const USE_KEYS: readonly [RegExp, string][] = [
  [/基本支出$/, 'use:basic'],
  [/项目支出$/, 'use:project'],
  [/单位预留机动经费$/, 'use:reserve'],
];
/** Expenditure footers: 支出总计 (Shanghai), 当年支出小计 / 结转下年资金 / 支出合计 (Jiangsu). */
const SPEND_FOOTERS: readonly [string, string][] = [
  ['当年支出小计', 'func-total'],
  ['结转下年资金', 'func-carry-forward'],
  ['支出合计', 'func-grand-total'],
];

/** A printed figure (a blank is null), not a row of them. */
const isFigure = (value: TPrinted | Record<string, TPrinted> | undefined): value is TPrinted => value !== undefined && (value === null || typeof value !== 'object');

/** The 功能 类 a summary row names ("五、资源勘探工业信息等支出" → 215), by the year's catalogue. */
function classCode(catalogue: NameCatalogue, printed: string): string | undefined {
  const name = printed.replace(/^[一二三四五六七八九十]+、/, '');
  for (const [code, entry] of catalogue.functional) if (code.length === 3 && entry.name === name) return code;
  return undefined;
}

/** The printed column a template column is: "合计", or "基本支出_人员经费" for 人员经费 under 基本支出. */
function printedValue(amounts: Readonly<Record<string, TPrinted>>, column: TColumn): TPrinted | undefined {
  return amounts[column.label] ?? (column.group === undefined ? undefined : amounts[`${column.group}_${column.label}`]);
}

/**
 * A summary of income by source beside expenditure (Shanghai's 财务收支预算总表 and 财政拨款收支预算总表,
 * Jiangsu's 收支预算总表 and 财政拨款收支预算总表) as printed, keyed as the derivation keys its rows so that
 * the rules find them: income rows by their place in the province's scheme, expenditure by 功能 类.
 */
export function transcribedSummary(t: TTranscribedTable, spec: TTemplateTable, rows: SummaryRows, unitScope: boolean, catalogue: NameCatalogue): TableBody {
  const scheme = incomeScheme(rows.income, rows.funds);
  const cell = (value: TPrinted | undefined) => printedCell(value, t.unit);
  const incomeColumn = amountColumn('amount', spec.labels['amount'] ?? '预算数');
  const set = unitScope && rows.unitScopeColumns !== undefined ? rows.unitScopeColumns : rows.columns;
  const spendColumns = set === 'amount' ? [incomeColumn] : columnsOf(set, spec.labels);
  const printedIncome = t.income ?? [];
  if (printedIncome.length !== scheme.rows.length) throw new TranscriptionError(`${printedIncome.length} income rows, the template prints ${scheme.rows.length}`, spec.id);
  const totals = t.totals ?? {};
  const out: TRow[] = printedIncome.map((r, i) => makeRow(scheme.rows[i]!.key, r.name, scheme.rows[i]!.level, { amount: cell(r.amount) }, { section: 'income' }));
  for (const f of scheme.footers) {
    const value = f.name in totals ? totals[f.name] : f.key === 'income-total' ? totals['income_total'] : undefined;
    if (isFigure(value)) out.push(makeRow(f.key, f.name, 0, { amount: cell(value) }, { section: 'income', footer: true, ...(f.key.startsWith('income-') ? { emphasis: 'total' as const } : {}) }));
  }
  const spendCells = (amounts: Readonly<Record<string, TPrinted>>): TRow['cells'] => Object.fromEntries(spendColumns.map((c) => [c.key, cell(printedValue(amounts, c))]));
  const byUse = (section: string) =>
    (t.expenditure_by_use ?? []).map((r, i) => makeRow(USE_KEYS.find(([p]) => p.test(r.name))?.[1] ?? `use:${i}`, r.name, 0, spendCells({ [spendColumns[0]!.label]: r.amount }), { section }));
  if (rows.byUse) {
    out.push(...byUse('expenditure'));
  } else {
    const printed = t.expenditure ?? (t.expenditure_by_function ?? []).map((r) => ({ name: r.name, amounts: { [spendColumns[0]!.label]: r.amount } }));
    printed.forEach((r, i) => {
      const code = classCode(catalogue, r.name);
      out.push(makeRow(code === undefined ? `func:?${i}` : `func:${code}`, r.name, 0, spendCells(r.amounts), { section: 'expenditure', ...(code === undefined ? {} : { code }) }));
    });
  }
  const spendTotal = totals['expenditure_total'];
  if (typeof spendTotal === 'object' && spendTotal !== null) out.push(makeRow('func-total', '支出总计', 0, spendCells(spendTotal), { section: 'expenditure', footer: true, emphasis: 'total' }));
  for (const [name, key] of SPEND_FOOTERS) {
    const value = totals[name];
    if (isFigure(value)) {
      out.push(makeRow(key, name, 0, spendCells({ [spendColumns[0]!.label]: value }), { section: 'expenditure', footer: true, ...(key === 'func-carry-forward' ? {} : { emphasis: 'total' as const }) }));
    }
  }
  // Jiangsu's 收支预算总表 prints expenditure by use as well, which the derivation does not (yet)
  const alsoByUse = !rows.byUse && t.expenditure_by_use !== undefined;
  if (alsoByUse) out.push(...byUse('use'));
  const differs = set !== 'amount';
  const sections: TSection[] = [
    { key: 'income', label: '收入', nameLabel: '项目', ...(differs ? { columns: ['amount'] } : {}) },
    { key: 'expenditure', label: '支出', nameLabel: rows.byUse ? '项目' : '功能分类', ...(differs ? { columns: spendColumns.map((c) => c.key) } : {}) },
    ...(alsoByUse ? [{ key: 'use', label: '支出', nameLabel: '项目' }] : []),
  ];
  return {
    layout: 'side-by-side',
    sections,
    rowHeader: { nameLabel: '项目' },
    columns: differs ? [incomeColumn, ...spendColumns] : [incomeColumn],
    rows: out,
    preamble: [],
    blocks: [],
  };
}
