import { findingLocations, type TFinding } from '@budgetflow/domain';
import { cellKey } from './working-copy';

/**
 * Findings about lines, by the cell they point to (a finding about a whole line marks its row; one
 * at several places marks each).
 */
export function cellFindings(findings: readonly TFinding[], locale: 'zh' | 'en'): Map<string, string> {
  const cells = new Map<string, string>();
  for (const f of findings) {
    for (const l of findingLocations(f)) {
      if (l.kind !== 'line') continue;
      const key = cellKey(l.lineId, l.field ?? 'line');
      const previous = cells.get(key);
      cells.set(key, previous === undefined ? f.message[locale] : `${previous}\n${f.message[locale]}`);
    }
  }
  return cells;
}
