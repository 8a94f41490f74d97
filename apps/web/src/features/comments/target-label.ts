import type { TCommentTarget, TDisclosure, TExpenditureLine } from '@budgetflow/domain';

/** What a comment is anchored to, as people name it: "表一 一.财政拨款（补助）", "L005 2010350/30199". */
export function targetLabel(
  target: TCommentTarget,
  disclosure: TDisclosure | undefined,
  lines: readonly TExpenditureLine[] = [],
): string {
  switch (target.kind) {
    case 'budget':
      return '';
    case 'row': {
      const table = disclosure?.tables.find((t) => t.id === target.table);
      const row = table?.rows.find((r) => r.key === target.row);
      return `${table?.number ?? target.table} ${row?.name ?? target.row}`;
    }
    case 'line': {
      const line = lines.find((l) => l.id === target.lineId);
      return line === undefined ? target.lineId : `${line.id} ${line.functionCode}/${line.economicCode}`;
    }
  }
}
