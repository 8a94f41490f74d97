import { formatYuan, parseFen, type Fen } from '../../money/fen';
import { fenPerUnit } from '../table-role';
import type { TPrinted } from './transcription.schema';

/**
 * The exact 分 a printed figure stands for, read as printed: 371514655.0 (元) → 37151465500 分;
 * 18330.37 (万元) → 18330370000 分; "18,330.37" as text the same. A blank (null or "") is null.
 * A 万元 figure is taken at face value: the exact amount behind it is only known to ± half its
 * last digit, which is why a transcribed disclosure is marked display-rounded.
 */
export function printedFen(value: TPrinted | undefined, unit: string): Fen | null {
  if (value === null || value === undefined || value === '') return null;
  // a printed figure has at most two decimals, so String(number) is its printed text
  const fen = parseFen(typeof value === 'number' ? String(value) : value);
  return (fen * (fenPerUnit(unit) / 100)) as Fen;
}

/** A table cell of a printed figure: its exact 元 at face value, or null where the print is blank. */
export function printedCell(value: TPrinted | undefined, unit: string): string | null {
  const fen = printedFen(value, unit);
  return fen === null ? null : formatYuan(fen);
}
