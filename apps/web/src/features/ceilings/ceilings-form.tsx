import { FUND_SOURCE_NAMES, FUND_SOURCES, MONEY_REASONS, MoneyError, type MoneyErrorCode } from '@budgetflow/domain';
import { useState, type FormEvent } from 'react';
import { useI18n, type TTranslate } from '../../lib/i18n';
import type { TMessageKey } from '../../lib/i18n-messages';
import { ErrorBanner } from '../../ui/error-banner';
import { fenOfYuanInput, fenText } from './fen-text';
import { usePutCeilings, type TCeilingsAnswer, type TCeilingsWire } from './use-ceilings';

const HEADLINE = [
  ['total', 'ceilingTotal'],
  ['basic', 'ceilingBasic'],
  ['project', 'ceilingProject'],
] as const satisfies readonly (readonly [string, TMessageKey])[];
const THREE_PUBLIC = [
  ['total', 'ceilingThreePublic'],
  ['overseasTravel', 'ceilingOverseasTravel'],
  ['reception', 'ceilingReception'],
  ['vehicles', 'ceilingVehicles'],
] as const satisfies readonly (readonly [string, TMessageKey])[];

/** Every field of the form by its key ('total', 'fundSource.x', 'threePublic.y'), as 元 text. */
function fieldsOf(ceilings: TCeilingsWire): Record<string, string> {
  const fields: Record<string, string> = {};
  const put = (key: string, fen: string | undefined) => {
    if (fen !== undefined) fields[key] = fenText(fen).replaceAll(',', '');
  };
  for (const [key] of HEADLINE) put(key, ceilings[key]);
  for (const [source, fen] of Object.entries(ceilings.byFundSource)) put(`fundSource.${source}`, fen);
  for (const [part] of THREE_PUBLIC) put(`threePublic.${part}`, ceilings.threePublic[part]);
  return fields;
}

/** A field that is no amount: its key and the domain's reason. */
type TRefusedField = { key: string; code: MoneyErrorCode };

/** The fields as the API's ceilings; the first field that is no amount refuses, named. */
function ceilingsOf(fields: Record<string, string>): TCeilingsWire | TRefusedField {
  const ceilings: TCeilingsWire = { byFundSource: {}, threePublic: {} };
  for (const [key, text] of Object.entries(fields)) {
    let fen: string | undefined;
    try {
      fen = fenOfYuanInput(text);
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      return { key, code: error.code };
    }
    if (fen === undefined) continue;
    const [group, part] = key.split('.') as [string, string | undefined];
    if (group === 'fundSource' && part !== undefined) ceilings.byFundSource[part] = fen;
    else if (group === 'threePublic' && part !== undefined) ceilings.threePublic[part as keyof TCeilingsWire['threePublic']] = fen;
    else ceilings[group as 'total' | 'basic' | 'project'] = fen;
  }
  return ceilings;
}

/** A field's label, as the form shows it beside the field. */
function fieldLabel(key: string, t: TTranslate): string {
  const [group, part] = key.split('.') as [string, string | undefined];
  if (group === 'fundSource') return FUND_SOURCE_NAMES[part as keyof typeof FUND_SOURCE_NAMES] ?? part ?? '';
  const labels: readonly (readonly [string, TMessageKey])[] = group === 'threePublic' ? THREE_PUBLIC : HEADLINE;
  const label = labels.find(([k]) => k === (group === 'threePublic' ? part : group))?.[1];
  return label === undefined ? '' : t(label);
}

/** The 预算科's form: each ceiling in 元, a blank field issuing none. */
export function CeilingsForm({ answer, onDone }: { answer: TCeilingsAnswer; onDone(): void }) {
  const { t, locale } = useI18n();
  const put = usePutCeilings(answer.budgetId);
  const [fields, setFields] = useState(() => fieldsOf(answer.ceilings));
  const [problem, setProblem] = useState<string | null>(null);
  const field = (key: string, label: string) => (
    <label key={key}>
      {label}
      <input inputMode="decimal" value={fields[key] ?? ''} onChange={(e) => setFields({ ...fields, [key]: e.target.value })} />
    </label>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ceilings = ceilingsOf(fields);
    if ('code' in ceilings) {
      setProblem(t('ceilingNotAnAmount', { field: fieldLabel(ceilings.key, t), reason: MONEY_REASONS[ceilings.code][locale] }));
      return;
    }
    put.mutate({ ceilings, version: answer.version }, { onSuccess: onDone });
    setProblem(null);
  };
  return (
    <form className="ceilings-form" onSubmit={submit} aria-label={t('ceilingsEdit')}>
      <fieldset>
        <legend>{t('ceilingsHeadline')}</legend>
        {HEADLINE.map(([key, label]) => field(key, t(label)))}
      </fieldset>
      <fieldset>
        <legend>{t('ceilingThreePublic')}</legend>
        {THREE_PUBLIC.map(([part, label]) => field(`threePublic.${part}`, t(label)))}
      </fieldset>
      <details>
        <summary>{t('ceilingsByFundSource')}</summary>
        {FUND_SOURCES.map((source) => field(`fundSource.${source}`, FUND_SOURCE_NAMES[source]))}
      </details>
      {problem !== null && (
        <p className="banner error" role="alert">
          {problem}
        </p>
      )}
      <ErrorBanner error={put.error} />
      <button type="submit" className="primary" disabled={put.isPending}>
        {t('ceilingsSave')}
      </button>
      <button type="button" onClick={onDone}>
        {t('cancel')}
      </button>
    </form>
  );
}
