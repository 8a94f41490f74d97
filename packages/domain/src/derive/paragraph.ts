import type { TFigure, TParagraph, TTableId, TTableRef } from '../disclosure/disclosure.schema';
import { formatAmount, shareOfTotal } from '../money/display';
import { formatYuan, parseFen, type Fen } from '../money/fen';

/** Text and figures, in reading order. */
export type Parts = (string | TFigure)[];

export const ref = (table: TTableId, row: string, column = 'amount'): TTableRef => ({ table, row, column });

/** An amount stated in 万元, one decimal, half up: the same rounding as the tables. */
export function wan(key: string, fen: Fen | number, source?: TTableRef): TFigure {
  const figure: TFigure = { key, kind: 'amount', value: formatYuan(fen as Fen), text: formatAmount(fen), unit: '万元' };
  if (source !== undefined) figure.source = source;
  return figure;
}

/** An amount already in canonical 元 text (a project's detail line), stated in 万元. */
export function wanOfYuan(key: string, yuan: string): TFigure {
  return { key, kind: 'amount', value: yuan, text: formatAmount(parseFen(yuan)), unit: '万元' };
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
export function paragraph(...parts: Parts): TParagraph {
  return paragraphOf(parts);
}

/** As paragraph(), for long part lists (a budget with thousands of projects). */
export function paragraphOf(parts: Parts): TParagraph {
  const figures: TFigure[] = [];
  let text = '';
  for (const part of parts) {
    if (typeof part === 'string') text += part;
    else {
      figures.push(part);
      text += part.text + part.unit;
    }
  }
  return { text, figures };
}

/** Joins clauses built of parts with a separator, keeping them as parts. */
export function joinParts(clauses: readonly Parts[], separator: string): Parts {
  const joined: Parts = [];
  clauses.forEach((clause, i) => {
    if (i > 0) joined.push(separator);
    for (const part of clause) joined.push(part);
  });
  return joined;
}
