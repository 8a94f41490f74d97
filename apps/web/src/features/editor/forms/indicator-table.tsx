import type { TPerformanceIndicator } from '@budgetflow/domain';
import { TextField } from './fields';
import { useFormText } from './form-text';
import { removeAt, replaceAt } from './list-edit';
import { RemoveButton } from './row-buttons';

/**
 * 一级 → 二级 as the performance framework names them; the forms suggest these and accept others
 * (a template or a bureau may word them differently, as the 2020 seed does).
 */
const LEVELS: Record<string, readonly string[]> = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
  成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标'],
};

export const emptyIndicator = (level1 = '产出指标', level2 = '数量指标'): TPerformanceIndicator => ({
  level1,
  level2,
  name: '',
  content: '',
  valueTwoYearsAgo: '',
  valueLastYear: '',
  target: '',
  standard: '',
});

const FIELDS = [
  ['level1', 'level1'],
  ['level2', 'level2'],
  ['name', 'level3'],
  ['valueLastYear', 'valueLastYear'],
  ['target', 'target'],
  ['standard', 'standard'],
] as const;

/** Indicators in their 一级/二级/三级 structure, with add and remove; `path` is the list's document path. */
export function IndicatorTable({
  path,
  title,
  indicators,
  errors,
  editable,
  onChange,
}: {
  path: string;
  title: string;
  indicators: readonly TPerformanceIndicator[];
  errors: ReadonlyMap<string, string>;
  editable: boolean;
  onChange(indicators: TPerformanceIndicator[]): void;
}) {
  const { f } = useFormText();
  const listId = (level1: string) => `levels-${path}-${level1}`;
  return (
    <fieldset className="indicator-table" id={`field-${path}`}>
      <legend>{title}</legend>
      <datalist id={`levels-${path}`}>
        {Object.keys(LEVELS).map((l) => (
          <option key={l} value={l} />
        ))}
      </datalist>
      {Object.entries(LEVELS).map(([level1, level2s]) => (
        <datalist key={level1} id={listId(level1)}>
          {level2s.map((l) => (
            <option key={l} value={l} />
          ))}
        </datalist>
      ))}
      {indicators.map((indicator, i) => (
        <div key={i} className="form-row indicator">
          {FIELDS.map(([field, label]) => (
            <TextField
              key={field}
              path={`${path}.${i}.${field}`}
              label={`${f(label)} ${i + 1}`}
              value={indicator[field]}
              errors={errors}
              readOnly={!editable}
              multiline={field === 'target'}
              {...(field === 'level1' ? { list: `levels-${path}` } : {})}
              {...(field === 'level2' ? { list: listId(indicator.level1) } : {})}
              onChange={(text) => onChange(replaceAt(indicators, i, { ...indicator, [field]: text }))}
            />
          ))}
          {editable && <RemoveButton label={f('removeIndicator', { n: i + 1 })} onClick={() => onChange(removeAt(indicators, i))} />}
        </div>
      ))}
      {editable && (
        <button
          type="button"
          onClick={() => {
            const last = indicators.at(-1);
            onChange([...indicators, emptyIndicator(last?.level1, last?.level2)]);
          }}
        >
          {f('addIndicator')}
        </button>
      )}
    </fieldset>
  );
}
