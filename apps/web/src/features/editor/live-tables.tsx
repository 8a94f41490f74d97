import type { TDisclosure, TFinding, TTableId } from '@budgetflow/domain';
import { useMemo } from 'react';
import { useDeskI18n } from '../../lib/desk-i18n';
import { DisclosureTable } from '../disclosure/disclosure-table';
import { tableMarks } from './forms/table-marks';

/** The tables of the working copy (its template's), one at a time, recomputed as the lines change. */
export function LiveTables({
  disclosure,
  selected,
  onSelect,
  stale,
  onRowClick,
  findings = [],
}: {
  disclosure: TDisclosure;
  /** Findings whose cells are marked in the table shown. */
  findings?: readonly TFinding[];
  selected: TTableId;
  onSelect(id: TTableId): void;
  stale: boolean;
  onRowClick?: (table: TTableId, row: string) => void;
}) {
  const { t, locale } = useDeskI18n();
  const table = disclosure.tables.find((x) => x.id === selected);
  const marks = useMemo(() => (table === undefined ? undefined : tableMarks(findings, table, locale)), [findings, table, locale]);
  return (
    <section aria-label={t('tables')} aria-busy={stale}>
      <div className="tabs" role="tablist" aria-label={t('tables')}>
        {disclosure.tables.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            aria-selected={tab.id === selected}
            aria-controls="live-table"
            onClick={() => onSelect(tab.id)}
            title={tab.title}
          >
            {tab.number}
          </button>
        ))}
      </div>
      <div id="live-table" role="tabpanel" style={stale ? { opacity: 0.7 } : undefined}>
        {table !== undefined && (
          <DisclosureTable
            table={table}
            {...(marks === undefined ? {} : { marks })}
            {...(onRowClick === undefined ? {} : { onRowClick: (row: string) => onRowClick(table.id, row) })}
          />
        )}
      </div>
    </section>
  );
}
