import { DEFAULT_TEMPLATE_ID, TEMPLATES, type TBudgetDocument } from '@budgetflow/domain';
import { useState } from 'react';
import { useDeskI18n } from '../../lib/desk-i18n';
import { problemText } from '../../lib/problem-text';

type TScope = 'department' | 'unit';

/**
 * The disclosure template the budget prints under (a province's tables, units and wording) and its
 * scope (部门 or 单位). A change is saved at once as the whole document at the version last seen,
 * so it is taken only when nothing else is waiting to be saved.
 */
export function TemplatePicker({
  saved,
  editable,
  unsaved,
  onChange,
}: {
  saved: TBudgetDocument;
  editable: boolean;
  unsaved: number;
  onChange(next: TBudgetDocument): Promise<void>;
}) {
  const { t } = useDeskI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const template = saved.template ?? DEFAULT_TEMPLATE_ID;
  const scope: TScope = saved.scope ?? 'department';
  const scopes = TEMPLATES.find((x) => x.id === template)?.scopes ?? ['department'];
  const disabled = !editable || busy || unsaved > 0;

  const change = async (next: { template: string; scope: TScope }) => {
    setBusy(true);
    setError(null);
    try {
      await onChange({ ...saved, template: next.template, scope: next.scope });
    } catch (e) {
      setError(problemText(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="template-picker">
      <label>
        {t('templateLabel')}{' '}
        <select
          value={template}
          disabled={disabled}
          title={unsaved > 0 ? t('templateSaveFirst') : undefined}
          onChange={(e) => {
            const id = e.target.value;
            const allowed = TEMPLATES.find((x) => x.id === id)?.scopes ?? ['department'];
            void change({ template: id, scope: allowed.includes(scope) ? scope : 'department' });
          }}
        >
          {TEMPLATES.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
      </label>
      {scopes.length > 1 && (
        <label>
          {t('scopeLabel')}{' '}
          <select value={scope} disabled={disabled} onChange={(e) => void change({ template, scope: e.target.value as TScope })}>
            {scopes.map((s) => (
              <option key={s} value={s}>
                {t(s === 'unit' ? 'scopeUnit' : 'scopeDepartment')}
              </option>
            ))}
          </select>
        </label>
      )}
      {error !== null && (
        <span role="alert" className="error">
          {t('templateFailed', { reason: error })}
        </span>
      )}
    </span>
  );
}
