import { ZExplanationTexts, type TExplanationTexts, type TNarrative } from '@budgetflow/domain';
import { TextField } from './fields';
import { useFormText, type TFormTextKey } from './form-text';
import type { TPartFormProps } from './part-form';
import { usePartDraft } from './use-part-draft';

type TReasonKey = Extract<keyof TExplanationTexts, `${string}Reason`>;
type TNoteKey = 'operatingCostsNote' | 'threePublicUnitsNote' | 'assets' | 'performanceManagement' | 'nonTaxRevenue';

/** The reasons each template's explanations print (Jiangsu's 收支总体情况 also per 基本/项目/基金). */
function reasonsOf(style: TNarrative['style']): TReasonKey[] {
  const common: TReasonKey[] = [
    'noPriorYearReason',
    'totalChangeReason',
    'fiscalChangeReason',
    'generalPublicChangeReason',
    'threePublicChangeReason',
    'operatingCostsChangeReason',
  ];
  return style === 'jiangsu' ? [...common, 'basicChangeReason', 'projectChangeReason', 'governmentFundChangeReason'] : common;
}
const NOTES: readonly TNoteKey[] = ['operatingCostsNote', 'threePublicUnitsNote', 'assets', 'performanceManagement', 'nonTaxRevenue'];

type TCodeTexts = 'functionItemNotes' | 'functionItemChangeReasons' | 'functionClassChangeReasons';

/**
 * The typed words of Part 3 (and Part 4's item notes): `section` 'reasons' shows why figures
 * changed against last year, as the template in force asks for them (per 项 in Shanghai and
 * Jiangsu, per 类 in Jiangsu); 'notes' the other matters: 机关运行经费, “三公”, assets, 绩效管理.
 */
export function ExplanationsForm({
  value,
  section,
  narrative,
  codes,
  editable,
  invalid,
  onApply,
  onInvalid,
}: TPartFormProps<TExplanationTexts> & {
  section: 'reasons' | 'notes';
  narrative: TNarrative;
  /** The 功能 项 the lines use, with their names, in order. */
  codes: readonly { code: string; name: string }[];
}) {
  const { f } = useFormText();
  const { draft, errors, update } = usePartDraft('explanations', value, ZExplanationTexts, invalid, onApply, onInvalid);
  const field = { errors, readOnly: !editable };
  const set = (patch: Partial<TExplanationTexts>) => update({ ...draft, ...patch });
  const classes = [...new Map(codes.map((c) => [c.code.slice(0, 3), c.code.slice(0, 3)])).keys()].map((code) => ({ code, name: '' }));

  const perCode = (key: TCodeTexts, title: TFormTextKey, list: readonly { code: string; name: string }[]) => (
    <fieldset id={`field-explanations.${key}`}>
      <legend>{f(title)}</legend>
      {list.map(({ code, name }) => (
        <TextField
          key={code}
          {...field}
          multiline
          path={`explanations.${key}.${code}`}
          label={`${code} ${name}`.trim()}
          value={draft[key]?.[code] ?? ''}
          onChange={(text) => {
            const { [code]: _dropped, ...rest } = draft[key] ?? {};
            set({ [key]: text === '' ? rest : { ...rest, [code]: text } });
          }}
        />
      ))}
    </fieldset>
  );

  if (section === 'reasons') {
    return (
      <section className="part-form" aria-labelledby="reasons-form-title">
        <h2 id="reasons-form-title">{f('changeReasons')}</h2>
        {reasonsOf(narrative.style).map((key) => (
          <TextField key={key} {...field} multiline path={`explanations.${key}`} label={f(`reason_${key}`)} value={draft[key] ?? ''} onChange={(text) => set({ [key]: text })} />
        ))}
        {narrative.style !== 'hubei' && perCode('functionItemChangeReasons', 'itemReasons', codes)}
        {narrative.style === 'jiangsu' && perCode('functionClassChangeReasons', 'classReasons', classes)}
      </section>
    );
  }
  return (
    <section className="part-form" aria-labelledby="notes-form-title">
      <h2 id="notes-form-title">{f('tab_notes')}</h2>
      <fieldset>
        <legend>{f('otherMatters')}</legend>
        {NOTES.map((key) => (
          <TextField key={key} {...field} multiline path={`explanations.${key}`} label={f(`note_${key}`)} value={draft[key]} onChange={(text) => set({ [key]: text })} />
        ))}
        <p className="muted">{f('procurementNote')}</p>
      </fieldset>
      {perCode('functionItemNotes', 'itemNotes', codes)}
    </section>
  );
}
