import type { TExpenditureKind } from '../src/budget/budget-document.schema';
import { printedFen } from '../src/templates/transcribed/printed-amount';
import { transcribedTable } from '../src/templates/transcribed/transcribed-tables';
import type { TPrinted, TTranscription } from '../src/templates/transcribed/transcription.schema';

// The pairing of a sample's printed marginals into budget lines, shared by the Shanghai and the
// Jiangsu samples (sample-lines-*.ts; sample-budgets.ts makes the documents).

/** Project lines of a sample whose project spending is not printed by economic 款: 其他商品和服务支出. */
export const OTHER_GOODS_AND_SERVICES = '30299';
export const RESERVE_PROJECT = 'reserve';

export interface Marginal<K> {
  key: K;
  fen: number;
}

/**
 * North-west-corner rule: cells of a table whose row and column sums are given (and equal in
 * total), filled from the top left, so that every row and every column adds up exactly.
 */
export function northWestCorner<R, C>(rows: readonly Marginal<R>[], columns: readonly Marginal<C>[]): { row: R; column: C; fen: number }[] {
  const rs = rows.filter((r) => r.fen > 0);
  const cs = columns.filter((c) => c.fen > 0);
  const sum = (ms: readonly Marginal<unknown>[]) => ms.reduce((s, m) => s + m.fen, 0);
  if (sum(rs) !== sum(cs)) throw new Error(`marginals differ: rows ${sum(rs)} 分, columns ${sum(cs)} 分`);
  const cells: { row: R; column: C; fen: number }[] = [];
  let i = 0;
  let j = 0;
  let rowLeft = rs[0]?.fen ?? 0;
  let columnLeft = cs[0]?.fen ?? 0;
  while (i < rs.length && j < cs.length) {
    const fen = Math.min(rowLeft, columnLeft);
    cells.push({ row: rs[i]!.key, column: cs[j]!.key, fen });
    rowLeft -= fen;
    columnLeft -= fen;
    if (rowLeft === 0) rowLeft = rs[++i]?.fen ?? 0;
    if (columnLeft === 0) columnLeft = cs[++j]?.fen ?? 0;
  }
  return cells;
}

export interface EconomicColumn {
  code: string;
  kind: TExpenditureKind;
  /** the project the lines belong to; absent: one project per 功能 项 */
  project?: string;
}

export interface LineDraft {
  functionCode: string;
  economicCode: string;
  kind: TExpenditureKind;
  projectId?: string;
  fen: number;
}

export const fenOf = (value: TPrinted | undefined, unit: string): number => printedFen(value, unit) ?? 0;
const projectOf = (functionCode: string) => `P-${functionCode}`;

export function draftsOf(cells: { row: string; column: EconomicColumn; fen: number }[]): LineDraft[] {
  return cells.map(({ row, column, fen }) => ({
    functionCode: row,
    economicCode: column.code,
    kind: column.kind,
    ...(column.kind === 'project' ? { projectId: column.project ?? projectOf(row) } : {}),
    fen,
  }));
}

/** Code rows of a level, with the amount of one printed column (or of the only one). */
export function codeAmounts(s: TTranscription, id: string, level: '类' | '款' | '项', column?: string): Marginal<string>[] {
  const t = transcribedTable(s, id);
  return (t.rows ?? []).filter((r) => r.level === level).map((r) => ({ key: r.code, fen: fenOf(column === undefined ? r.amount : r.amounts?.[column], t.unit) }));
}

export function sameMarginals(what: string, a: readonly Marginal<string>[], b: readonly Marginal<string>[]): void {
  const text = (ms: readonly Marginal<string>[]) => ms.filter((m) => m.fen !== 0).map((m) => `${m.key}=${m.fen}`).join(' ');
  if (text(a) !== text(b)) throw new Error(`${what}: the sample's tables differ (${text(a)} / ${text(b)}); its lines cannot reproduce both`);
}

/** A project a sample prints by name (Jiangsu's 专项), with its purchases. */
export interface SampleProject {
  id: string;
  name: string;
  /** the 经济科目 its purchases are booked on */
  code: string;
  fen: number;
  procurement: Record<string, string>[];
}
