import { ZPriorYearFigures, type TNarrative, type TPriorYearFigures } from '@budgetflow/domain';
import { useMemo } from 'react';
import { AmountField } from './fields';
import { useFormText, type TFormTextKey } from './form-text';
import { replaceAt } from './list-edit';
import type { TPartFormProps } from './part-form';
import { usePartDraft } from './use-part-draft';

/** The figures both 上年预算数 and 上年预算执行数 hold. */
const SHARED_FIELDS = [
  'total',
  'incomeFiscal',
  'expenditureBasic',
  'expenditureProject',
  'generalPublicBudget',
  'governmentFund',
  'soeCapital',
  'threePublic',
  'operatingCosts',
] as const;
/** 上年预算数 as 表9 and the explanations compare with them. */
const BUDGET_FIELDS = [...SHARED_FIELDS, 'incomeOther'] as const;
/** 上年预算执行数, for templates that compare with execution (Shanghai). */
const EXECUTED_FIELDS = [...SHARED_FIELDS, 'fiscalExpenditure'] as const;

const ZPriorYears = ZPriorYearFigures.array();
type TAmountKey = (typeof BUDGET_FIELDS)[number];
type TExecutedKey = (typeof EXECUTED_FIELDS)[number];

/** Without a value an optional amount is left out of the figures, not set to undefined. */
function withAmount<T extends object, K extends string>(record: T, key: K, amount: string | undefined): T {
  const { [key]: _dropped, ...rest } = record as Record<string, unknown>;
  return (amount === undefined ? rest : { ...rest, [key]: amount }) as T;
}

/** Last year's figures (filled when the year was started from last year's budget), typed or corrected here. */
export function PriorYearForm({
  value,
  fiscalYear,
  narrative,
  editable,
  invalid,
  onApply,
  onInvalid,
}: TPartFormProps<TPriorYearFigures[]> & { fiscalYear: number; narrative: TNarrative }) {
  const { f } = useFormText();
  const { draft, errors, update } = usePartDraft('priorYears', value, ZPriorYears, invalid, onApply, onInvalid);
  const year = fiscalYear - 1;
  const index = useMemo(() => draft.findIndex((p) => p.year === year), [draft, year]);
  const prior = draft[index];
  const field = { errors, readOnly: !editable };
  if (prior === undefined) {
    return (
      <section className="part-form" aria-labelledby="prior-form-title">
        <h2 id="prior-form-title">{f('priorYear', { year })}</h2>
        <p>{f('priorNone', { year })}</p>
        {editable && (
          <button type="button" onClick={() => update([{ year }, ...draft])}>
            {f('addPriorYear', { year })}
          </button>
        )}
      </section>
    );
  }
  const set = (next: TPriorYearFigures) => update(replaceAt(draft, index, next));
  const path = (key: string) => `priorYears.${index}.${key}`;
  return (
    <section className="part-form" aria-labelledby="prior-form-title">
      <h2 id="prior-form-title">{f('priorYear', { year })}</h2>
      <div className="form-grid">
        {BUDGET_FIELDS.map((key: TAmountKey) => (
          <AmountField
            key={key}
            {...field}
            optional
            path={path(key)}
            label={f(`prior_${key}` as TFormTextKey)}
            value={prior[key]}
            onChange={(amount) => set(withAmount(prior, key, amount))}
          />
        ))}
      </div>
      {narrative.compareWith === 'prior-execution' && (
        <fieldset>
          <legend>{f('priorExecuted', { year })}</legend>
          <div className="form-grid">
            {EXECUTED_FIELDS.map((key: TExecutedKey) => (
              <AmountField
                key={key}
                {...field}
                optional
                path={path(`executed.${key}`)}
                label={`${f('priorExecuted', { year })} · ${f(`prior_${key}` as TFormTextKey)}`}
                value={prior.executed?.[key]}
                onChange={(amount) => set({ ...prior, executed: withAmount(prior.executed ?? {}, key, amount) })}
              />
            ))}
          </div>
        </fieldset>
      )}
    </section>
  );
}
