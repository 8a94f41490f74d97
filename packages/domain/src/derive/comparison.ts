import { parseFen, type Fen } from '../money/fen';
import type { TFigure } from '../disclosure/disclosure.schema';
import type { ExplanationFigures } from './explanation-context';
import { share, wan } from './paragraph';

/**
 * The sentence comparing a figure with last year's budget: the change and its rate when last year
 * is known and no reason says there is nothing to compare (a unit founded last year), else that
 * reason. `reason` is the typed cause of the change.
 */
export function comparison(f: ExplanationFigures, key: string, current: Fen, lastYear: string | undefined, reason: string): (string | TFigure)[] {
  if (f.noPriorReason !== '') return [`无${f.year - 1}年预算同比数，主要原因：${f.noPriorReason}`];
  if (lastYear === undefined) return [];
  const before = parseFen(lastYear);
  const change = Math.abs(current - before);
  const rising = current >= before;
  const rate = before === 0 ? [] : [`，${rising ? '增长' : '下降'}`, share(`${key}-change-rate`, change, before)];
  return [`比${f.year - 1}年预算`, wan(`${key}-last-year`, before), rising ? '增加' : '减少', wan(`${key}-change`, change), ...rate, '。', reason];
}
