import { findingLocations, type TDisclosureTable, type TFinding } from '@budgetflow/domain';
import type { TRowMark } from '../../disclosure/display-grid-table';
import type { TLocale } from '../../../lib/i18n';
import { withSeparators } from './finding-place';

/**
 * The findings about one table, by the row they point to (a row named by its key or its code), with
 * the columns they name: the editor marks those cells inside the table it shows (each place of a
 * finding at several).
 */
export function tableMarks(findings: readonly TFinding[], table: TDisclosureTable, locale: TLocale): Map<string, TRowMark> {
  const marks = new Map<string, TRowMark>();
  for (const f of findings) {
    for (const l of findingLocations(f)) {
      if (l.kind !== 'table' || l.table !== table.id || l.row === undefined) continue;
      const row = table.rows.find((r) => r.key === l.row || (r.code !== undefined && r.code === l.row));
      if (row === undefined) continue;
      const column = l.column === undefined ? -1 : table.columns.findIndex((c) => c.key === l.column || c.label === l.column);
      const previous = marks.get(row.key);
      const message = withSeparators(f.message[locale]);
      marks.set(row.key, {
        message: previous === undefined ? message : `${previous.message}\n${message}`,
        columns: [...(previous?.columns ?? []), ...(column < 0 ? [] : [column])],
      });
    }
  }
  return marks;
}
