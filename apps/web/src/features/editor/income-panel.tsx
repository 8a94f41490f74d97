import { FUND_SOURCE_NAMES, FUND_SOURCES, type TIncomeLine } from '@budgetflow/domain';
import { useDeskI18n } from '../../lib/desk-i18n';
import { AmountCell } from './amount-cell';
import type { TInvalidCell } from './working-copy';

/** The income side (表1/表2's sources): a source and an amount per line. */
export function IncomePanel({
  lines,
  editable,
  invalid,
  onChange,
  onRemove,
  onAdd,
  onInvalid,
}: {
  lines: readonly TIncomeLine[];
  editable: boolean;
  invalid: ReadonlyMap<string, TInvalidCell>;
  onChange(line: TIncomeLine): void;
  onRemove(lineId: string): void;
  onAdd(): void;
  onInvalid(lineId: string, value: TInvalidCell | null): void;
}) {
  const { t } = useDeskI18n();
  return (
    <section aria-label={t('incomeLines')}>
      <table className="list income">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('fundSource')}</th>
            <th scope="col">{t('amountYuan')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {lines.map((line, i) => {
            const bad = invalid.get(`income:${line.id}`);
            return (
              <tr key={line.id}>
                <td>{i + 1}</td>
                <td>
                  <select
                    aria-label={`${t('fundSource')} ${i + 1}`}
                    value={line.source}
                    disabled={!editable}
                    onChange={(e) => onChange({ ...line, source: e.target.value as TIncomeLine['source'] })}
                  >
                    {FUND_SOURCES.map((s) => (
                      <option key={s} value={s}>
                        {FUND_SOURCE_NAMES[s]}
                      </option>
                    ))}
                  </select>
                </td>
                <td className={`amount${bad ? ' invalid' : ''}`}>
                  {editable ? (
                    <AmountCell
                      value={line.amount}
                      invalid={bad}
                      label={`${t('incomeLines')} ${t('amountYuan')} ${i + 1}`}
                      onValid={(amount) => {
                        if (bad !== undefined) onInvalid(line.id, null);
                        if (amount !== line.amount) onChange({ ...line, amount });
                      }}
                      onInvalid={(text, reason) => onInvalid(line.id, { text, reason })}
                    />
                  ) : (
                    line.amount
                  )}
                </td>
                <td>
                  {editable && (
                    <button
                      type="button"
                      aria-label={t('removeLineNamed', { n: i + 1 })}
                      onClick={() => onRemove(line.id)}
                    >
                      ×
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {editable && (
        <button type="button" onClick={onAdd}>
          {t('addLine')}
        </button>
      )}
    </section>
  );
}
