import { useI18n } from '../../lib/i18n';

/** The fiscal year a page shows, typed; a field left blank keeps the year shown. */
export function YearField({ year, onChange }: { year: number; onChange(year: number): void }) {
  const { t } = useI18n();
  return (
    <label>
      {t('year')}
      <input type="number" min={2000} max={2100} value={year} onChange={(e) => onChange(Number(e.target.value) || year)} />
    </label>
  );
}
