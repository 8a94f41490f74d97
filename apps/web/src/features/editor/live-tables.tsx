import { TABLE_IDS, type TDisclosure, type TTableId } from '@budgetflow/domain';
import { useI18n } from '../../lib/i18n';
import { DisclosureTable } from '../disclosure/disclosure-table';

/** The ten tables of the working copy, one at a time, recomputed as the lines change. */
export function LiveTables({
  disclosure,
  selected,
  onSelect,
  stale,
  onRowClick,
}: {
  disclosure: TDisclosure;
  selected: TTableId;
  onSelect(id: TTableId): void;
  stale: boolean;
  onRowClick?: (table: TTableId, row: string) => void;
}) {
  const { t } = useI18n();
  const table = disclosure.tables.find((x) => x.id === selected);
  return (
    <section aria-label={t('tables')} aria-busy={stale}>
      <div className="tabs" role="tablist" aria-label={t('tables')}>
        {TABLE_IDS.map((id) => {
          const tab = disclosure.tables.find((x) => x.id === id);
          return (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={id === selected}
              aria-controls="live-table"
              onClick={() => onSelect(id)}
              title={tab?.title}
            >
              {tab?.number ?? id}
            </button>
          );
        })}
      </div>
      <div id="live-table" role="tabpanel" style={stale ? { opacity: 0.7 } : undefined}>
        {table !== undefined && (
          <DisclosureTable
            table={table}
            {...(onRowClick === undefined ? {} : { onRowClick: (row: string) => onRowClick(table.id, row) })}
          />
        )}
      </div>
    </section>
  );
}
