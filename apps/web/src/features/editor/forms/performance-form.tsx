import { ZDepartmentPerformance, type TDepartmentPerformance } from '@budgetflow/domain';
import { TextField } from './fields';
import { useFormText } from './form-text';
import { IndicatorTable } from './indicator-table';
import { removeAt, replaceAt } from './list-edit';
import type { TPartFormProps } from './part-form';
import { RemoveButton } from './row-buttons';
import { usePartDraft } from './use-part-draft';

const TEXTS = ['functionsSummary', 'annualTasks', 'longTermTarget', 'annualTarget'] as const;

/** 表9 部门整体支出绩效目标: the entered part (the money block derives from the lines). */
export function PerformanceForm({ value, editable, invalid, onApply, onInvalid }: TPartFormProps<TDepartmentPerformance>) {
  const { f } = useFormText();
  const { draft, errors, update } = usePartDraft('performance', value, ZDepartmentPerformance, invalid, onApply, onInvalid);
  const set = (patch: Partial<TDepartmentPerformance>) => update({ ...draft, ...patch });
  const field = { errors, readOnly: !editable };
  return (
    <section className="part-form" aria-labelledby="performance-form-title">
      <h2 id="performance-form-title">{f('tab_performance')}</h2>
      <div className="form-grid">
        <TextField {...field} path="performance.filledBy" label={f('filledBy')} value={draft.filledBy} onChange={(filledBy) => set({ filledBy })} />
        <TextField {...field} path="performance.phone" label={f('phone')} value={draft.phone} onChange={(phone) => set({ phone })} />
      </div>
      {TEXTS.map((key) => (
        <TextField key={key} {...field} multiline path={`performance.${key}`} label={f(key)} value={draft[key]} onChange={(text) => set({ [key]: text })} />
      ))}
      <IndicatorTable
        path="performance.longTermIndicators"
        title={f('longTermIndicators')}
        indicators={draft.longTermIndicators}
        errors={errors}
        editable={editable}
        onChange={(longTermIndicators) => set({ longTermIndicators })}
      />
      <fieldset id="field-performance.annualGoals">
        <legend>{f('annualGoals')}</legend>
        {draft.annualGoals.map((goal, i) => (
          <div key={i} className="annual-goal">
            <div className="form-row">
              <TextField
                {...field}
                path={`performance.annualGoals.${i}.title`}
                label={f('goalTitle', { n: i + 1 })}
                value={goal.title}
                onChange={(title) => set({ annualGoals: replaceAt(draft.annualGoals, i, { ...goal, title }) })}
              />
              {editable && <RemoveButton label={f('removeGoal', { n: i + 1 })} onClick={() => set({ annualGoals: removeAt(draft.annualGoals, i) })} />}
            </div>
            <IndicatorTable
              path={`performance.annualGoals.${i}.indicators`}
              title={`${f('indicators')} · ${goal.title === '' ? f('goalTitle', { n: i + 1 }) : goal.title}`}
              indicators={goal.indicators}
              errors={errors}
              editable={editable}
              onChange={(indicators) => set({ annualGoals: replaceAt(draft.annualGoals, i, { ...goal, indicators }) })}
            />
          </div>
        ))}
        {editable && (
          <button type="button" onClick={() => set({ annualGoals: [...draft.annualGoals, { title: '', indicators: [] }] })}>
            {f('addGoal')}
          </button>
        )}
      </fieldset>
    </section>
  );
}
