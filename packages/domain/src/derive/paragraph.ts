import type { TFigure, TParagraph, TTableId, TTableRef } from '../disclosure/disclosure.schema';
import { formatAmount, shareOfTotal } from '../money/display';
import { formatYuan, type Fen } from '../money/fen';

export const ref = (table: TTableId, row: string, column = 'amount'): TTableRef => ({ table, row, column });

/** An amount stated in 万元, one decimal, half up: the same rounding as the tables. */
export function wan(key: string, fen: Fen | number, source?: TTableRef): TFigure {
  const figure: TFigure = { key, kind: 'amount', value: formatYuan(fen as Fen), text: formatAmount(fen), unit: '万元' };
  if (source !== undefined) figure.source = source;
  return figure;
}

/** A share in percent with one decimal (24.3 / 604.4 → "4.0", never "4"). */
export function share(key: string, part: Fen | number, total: Fen | number, source?: TTableRef, denominator?: TTableRef): TFigure {
  const text = shareOfTotal(part, total);
  const figure: TFigure = { key, kind: 'percent', value: text, text, unit: '%' };
  if (source !== undefined) figure.source = source;
  if (denominator !== undefined) figure.denominator = denominator;
  return figure;
}

export function count(key: string, n: number, unit: string): TFigure {
  return { key, kind: 'count', value: String(n), text: String(n), unit };
}

/**
 * A paragraph written from text and figures: each figure prints as its text followed by its unit,
 * so the paragraph and the figures a checker reads can never disagree.
 */
export function paragraph(...parts: (string | TFigure)[]): TParagraph {
  const figures = parts.filter((p): p is TFigure => typeof p !== 'string');
  const text = parts.map((p) => (typeof p === 'string' ? p : `${p.text}${p.unit}`)).join('');
  return { text, figures };
}

/** Joins clauses built of parts with a separator, keeping them as parts. */
export function joinParts(clauses: (string | TFigure)[][], separator: string): (string | TFigure)[] {
  return clauses.flatMap((c, i) => (i === 0 ? c : [separator, ...c]));
}
