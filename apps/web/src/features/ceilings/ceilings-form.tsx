import { CEILING_NEGATIVE, FUND_SOURCE_NAMES, FUND_SOURCES, MONEY_REASONS, MoneyError } from '@budgetflow/domain';
import { useState, type FormEvent } from 'react';
import { ApiError } from '../../lib/api-client';
import type { TLocale } from '../../lib/i18n';
import { useDeskI18n, type TDeskTranslate } from '../../lib/desk-i18n';
import type { TDeskMessageKey } from '../../lib/desk-i18n';
import { ErrorBanner } from '../../ui/error-banner';
import { Labelled } from '../editor/forms/fields';
import { fenOfYuanInput, fenText } from './fen-text';
import { usePutCeilings, type TCeilingsAnswer, type TCeilingsWire } from './use-ceilings';

const HEADLINE = [
  ['total', 'ceilingTotal'],
  ['basic', 'ceilingBasic'],
  ['project', 'ceilingProject'],
] as const satisfies readonly (readonly [string, TDeskMessageKey])[];
const THREE_PUBLIC = [
  ['total', 'ceilingThreePublic'],
  ['overseasTravel', 'ceilingOverseasTravel'],
  ['reception', 'ceilingReception'],
  ['vehicles', 'ceilingVehicles'],
] as const satisfies readonly (readonly [string, TDeskMessageKey])[];

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

/** The fields as the API's ceilings, or what is wrong with each field that is no ceiling (by its key). */
function ceilingsOf(fields: Record<string, string>, t: TDeskTranslate, locale: TLocale): { ceilings: TCeilingsWire } | { problems: Map<string, string> } {
  const ceilings: TCeilingsWire = { byFundSource: {}, threePublic: {} };
  const problems = new Map<string, string>();
  for (const [key, text] of Object.entries(fields)) {
    let fen: string | undefined;
    try {
      fen = fenOfYuanInput(text);
    } catch (error) {
      if (!(error instanceof MoneyError)) throw error;
      problems.set(key, t('ceilingNotAnAmount', { reason: MONEY_REASONS[error.code][locale] }));
      continue;
    }
    if (fen === undefined) continue;
    if (fen.startsWith('-')) problems.set(key, t('ceilingNegative'));
    const [group, part] = key.split('.') as [string, string | undefined];
    if (group === 'fundSource' && part !== undefined) ceilings.byFundSource[part] = fen;
    else if (group === 'threePublic' && part !== undefined) ceilings.threePublic[part as keyof TCeilingsWire['threePublic']] = fen;
    else ceilings[group as 'total' | 'basic' | 'project'] = fen;
  }
  return problems.size > 0 ? { problems } : { ceilings };
}

/** The API's refusal field by field: `ceilings.total` is the field 'total', `ceilings.byFundSource.x` 'fundSource.x'. */
function refusedFields(error: Error | null, t: TDeskTranslate): Map<string, string> {
  if (!(error instanceof ApiError)) return new Map();
  return new Map(
    error.fields
      .filter((f) => f.path.startsWith('ceilings.'))
      .map((f) => [f.path.slice('ceilings.'.length).replace(/^byFundSource\./, 'fundSource.'), f.message === CEILING_NEGATIVE ? t('ceilingNegative') : t('ceilingRefused')]),
  );
}

/** The 预算科's form: each ceiling in 元, a blank field issuing none. */
export function CeilingsForm({ answer, onDone }: { answer: TCeilingsAnswer; onDone(): void }) {
  const { t, locale } = useDeskI18n();
  const put = usePutCeilings(answer.budgetId);
  const [fields, setFields] = useState(() => fieldsOf(answer.ceilings));
  const [problems, setProblems] = useState<ReadonlyMap<string, string>>(new Map());
  const refused = refusedFields(put.error, t);
  const errors = new Map([...refused, ...problems]);
  const field = (key: string, label: string) => (
    <Labelled key={key} path={`ceiling-${key}`} label={label} errors={new Map(errors.has(key) ? [[`ceiling-${key}`, errors.get(key)!]] : [])}>
      {(aria) => <input {...aria} inputMode="decimal" value={fields[key] ?? ''} onChange={(e) => setFields({ ...fields, [key]: e.target.value })} />}
    </Labelled>
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = ceilingsOf(fields, t, locale);
    if ('problems' in checked) {
      setProblems(checked.problems);
      return;
    }
    setProblems(new Map());
    put.mutate({ ceilings: checked.ceilings, version: answer.version }, { onSuccess: onDone });
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
      {/* A refusal of named fields is shown beside them; anything else (a stale version …) here. */}
      {refused.size === 0 && <ErrorBanner error={put.error} />}
      <button type="submit" className="primary" disabled={put.isPending}>
        {t('ceilingsSave')}
      </button>
      <button type="button" onClick={onDone}>
        {t('cancel')}
      </button>
    </form>
  );
}
