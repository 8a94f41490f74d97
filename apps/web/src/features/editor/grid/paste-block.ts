import type { TExpenditureLine } from '@budgetflow/domain';
import { readCell, type TCellContext } from './line-cells';
import { LINE_FIELDS, type TLineField } from './line-fields';

export interface TRefusedCell {
  /** the grid's row number (1-based, as the # column shows it) */
  row: number;
  /** null past the grid's last column */
  field: TLineField | null;
  text: string;
  reason: string;
}

export interface TPasteOutcome {
  /** every line the block touched, changed or new, in grid order */
  lines: TExpenditureLine[];
  /** how many of them are new (added after the last row) */
  added: number;
  /** cells read into a value */
  recognised: number;
  refused: TRefusedCell[];
}

/**
 * A block pasted with its top-left cell on row `row` (0-based into `rows`, the grid's rows in the
 * order shown) and column `field`: each cell read into the line under it, rows past the end
 * added (made by `newLine`, which copies the row above as 新增一行 does). Blank cells leave the
 * line's value; cells past the last column are refused; a refused cell leaves the value and is
 * named in the outcome. A read-only row (`locked`: its unit prepares a unit budget of its own)
 * keeps its values: each of its cells the block would fill is refused with `locked.reason`.
 * Pure: the grid applies the outcome as one undoable edit.
 */
export function pasteBlock(
  block: readonly (readonly string[])[],
  row: number,
  field: TLineField,
  rows: readonly TExpenditureLine[],
  ctx: TCellContext,
  newLine: (template: TExpenditureLine | undefined) => TExpenditureLine,
  locked?: { isLocked(line: TExpenditureLine): boolean; reason: string },
): TPasteOutcome {
  const firstColumn = LINE_FIELDS.indexOf(field);
  const lines: TExpenditureLine[] = [];
  const refused: TRefusedCell[] = [];
  let recognised = 0;
  let added = 0;
  block.forEach((cells, r) => {
    const index = row + r;
    const existing = rows[index];
    let line: TExpenditureLine = existing ?? newLine(lines.at(-1) ?? rows.at(-1));
    if (existing === undefined) added += 1;
    if (existing !== undefined && locked?.isLocked(existing) === true) {
      cells.forEach((text, c) => {
        if (text.trim() !== '') refused.push({ row: index + 1, field: LINE_FIELDS[firstColumn + c] ?? null, text, reason: locked.reason });
      });
      return;
    }
    cells.forEach((text, c) => {
      const target = LINE_FIELDS[firstColumn + c];
      if (text.trim() === '' && target !== 'note') return;
      if (target === undefined) {
        refused.push({ row: index + 1, field: null, text, reason: '超出表格的最后一列' });
        return;
      }
      const reading = readCell(line, target, text, ctx);
      if (reading.ok) {
        line = reading.value;
        recognised += 1;
      } else refused.push({ row: index + 1, field: target, text, reason: reading.reason });
    });
    lines.push(line);
  });
  return { lines, added, recognised, refused };
}
