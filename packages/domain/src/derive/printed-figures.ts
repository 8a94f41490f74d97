import type { TFigure, TTableRef } from '../disclosure/disclosure.schema';
import { formatAmount, shareOfTotal, type DisplayDecimals } from '../money/display';
import { formatYuan, type Fen } from '../money/fen';
import type { TTableRole } from '../templates/table-role';
import type { TNarrative, TTemplateTable } from '../templates/template.schema';
import type { DeriveContext } from './derive-context';

/**
 * Figures of the explanations printed as the template's narrative says (万元 to two decimals for
 * Shanghai and Jiangsu), each carrying its unit and decimals so that a checker knows how far the
 * printed text may be from the exact value. Hubei's sections keep paragraph.ts's wan() and share().
 */
export function amountFigure(
  key: string,
  fen: Fen | number,
  narrative: TNarrative,
  source?: TTableRef,
): TFigure {
  const text = formatAmount(fen, {
    unit: narrative.unit === '万元' ? 'wan' : 'yuan',
    decimals: narrative.decimals as DisplayDecimals,
  });
  const figure: TFigure = {
    key,
    kind: 'amount',
    value: formatYuan(fen as Fen),
    text,
    unit: narrative.unit,
    decimals: narrative.decimals,
  };
  if (source !== undefined) figure.source = source;
  return figure;
}

/** A share or rate in percent with the template's decimals: part ÷ total, half up. */
export function rateFigure(
  key: string,
  part: Fen | number,
  total: Fen | number,
  narrative: TNarrative,
  source?: TTableRef,
  denominator?: TTableRef,
): TFigure {
  const text = shareOfTotal(part, total, narrative.shareDecimals as DisplayDecimals);
  const figure: TFigure = {
    key,
    kind: 'percent',
    value: text,
    text,
    unit: '%',
    decimals: narrative.shareDecimals,
  };
  if (source !== undefined) figure.source = source;
  if (denominator !== undefined) figure.denominator = denominator;
  return figure;
}

/** The total amount column of a table's rows: one 金额 (amount), else 合计 (total). */
function totalColumnOf(table: TTemplateTable): string {
  const rows = table.rows;
  if (
    rows.from === 'source-summary' ||
    rows.from === 'function-hierarchy' ||
    rows.from === 'basic-economic' ||
    rows.from === 'expenditure-total'
  ) {
    return rows.columns === 'amount' ? 'amount' : 'total';
  }
  return 'amount';
}

/**
 * The cell a figure cites, in the template's own table of that role (its id differs per template);
 * undefined where the template prints no such table. `column` defaults to the table's total column
 * (a summary's income side and the 三公 row name theirs).
 */
export function roleRef(
  ctx: DeriveContext,
  role: TTableRole,
  row: string,
  column?: string,
): TTableRef | undefined {
  const table = ctx.template.tables.find((t) => t.role === role);
  return table === undefined ? undefined : { table: table.id, row, column: column ?? totalColumnOf(table) };
}
