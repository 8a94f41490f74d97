import { useId } from 'react';
import { useI18n } from '../../lib/i18n';

/**
 * The fiscal year a page shows, typed; a field left blank keeps the year shown. The years known to
 * have something (`suggested`) are offered as a list, while any other year may still be typed.
 */
export function YearField({ year, onChange, suggested = [] }: { year: number; onChange(year: number): void; suggested?: readonly number[] }) {
  const { t } = useI18n();
  const listId = useId();
  return (
    <label>
      {t('year')}
      <input type="number" min={2000} max={2100} value={year} onChange={(e) => onChange(Number(e.target.value) || year)} list={suggested.length > 0 ? listId : undefined} />
      {suggested.length > 0 && (
        <datalist id={listId}>
          {suggested.map((y) => (
            <option key={y} value={y} />
          ))}
        </datalist>
      )}
    </label>
  );
}
