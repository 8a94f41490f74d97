import { ZDepartment, type TBudgetUnit, type TDepartment } from '@budgetflow/domain';
import { FormRow, RemoveButton } from './row-buttons';
import { IntField, SelectField, TextField } from './fields';
import { useFormText } from './form-text';
import { removeAt, replaceAt, replaceEntry } from './list-edit';
import type { TPartFormProps } from './part-form';
import { usePartDraft } from './use-part-draft';

const CATEGORIES = ['administrative', 'civil-service', 'institution'] as const;

/** 部门概况 (Part 1): the department's name, 主要职能, 预算单位 with their levels, and 人员构成. */
export function DepartmentForm({ value, editable, invalid, onApply, onInvalid }: TPartFormProps<TDepartment>) {
  const { f } = useFormText();
  const { draft, errors, update } = usePartDraft('department', value, ZDepartment, invalid, onApply, onInvalid);
  const ro = !editable;
  const set = (patch: Partial<TDepartment>) => update({ ...draft, ...patch });
  const setUnit = (i: number, patch: Partial<TBudgetUnit>) => set({ units: replaceAt(draft.units, i, { ...draft.units[i]!, ...patch }) });
  const staffing = draft.staffing;
  const setStaffing = (patch: Partial<TDepartment['staffing']>) => set({ staffing: { ...staffing, ...patch } });
  const field = { errors, readOnly: ro };

  return (
    <section className="part-form" aria-labelledby="department-form-title">
      <h2 id="department-form-title">{f('tab_department')}</h2>
      <div className="form-grid">
        <TextField {...field} path="department.name" label={f('departmentName')} value={draft.name} onChange={(name) => set({ name })} />
        <TextField
          {...field}
          path="department.shortName"
          label={f('shortName')}
          value={draft.shortName ?? ''}
          onChange={(shortName) => {
            const { shortName: _dropped, ...rest } = draft;
            update(shortName === '' ? rest : { ...rest, shortName });
          }}
        />
      </div>

      <fieldset id="field-department.functions">
        <legend>{f('functions')}</legend>
        {draft.functions.map((text, i) => (
          <div key={i} className="form-row">
            <TextField
              {...field}
              multiline
              path={`department.functions.${i}`}
              label={f('functionNo', { n: i + 1 })}
              value={text}
              onChange={(t) => set({ functions: replaceAt(draft.functions, i, t) })}
            />
            {editable && <RemoveButton label={f('removeFunction', { n: i + 1 })} onClick={() => set({ functions: removeAt(draft.functions, i) })} />}
          </div>
        ))}
        {editable && (
          <button type="button" onClick={() => set({ functions: [...draft.functions, ''] })}>
            {f('addFunction')}
          </button>
        )}
      </fieldset>

      <fieldset id="field-department.units">
        <legend>{f('units')}</legend>
        {draft.units.map((unit, i) => (
          <div key={i} className="form-row">
            <TextField {...field} path={`department.units.${i}.code`} label={`${f('unitCode')} ${i + 1}`} value={unit.code} onChange={(code) => setUnit(i, { code })} />
            <TextField {...field} path={`department.units.${i}.name`} label={`${f('unitName')} ${i + 1}`} value={unit.name} onChange={(name) => setUnit(i, { name })} />
            <SelectField
              {...field}
              path={`department.units.${i}.level`}
              label={`${f('unitLevel')} ${i + 1}`}
              value={unit.level}
              options={(['self', 'subordinate'] as const).map((l) => ({ value: l, label: f(`level_${l}`) }))}
              onChange={(level) => setUnit(i, { level: level === '' ? 'self' : level })}
            />
            <SelectField
              {...field}
              path={`department.units.${i}.category`}
              label={`${f('unitCategory')} ${i + 1}`}
              value={unit.category ?? ''}
              options={[{ value: '' as const, label: f('category_none') }, ...CATEGORIES.map((c) => ({ value: c, label: f(`category_${c}`) }))]}
              onChange={(category) => {
                const { category: _dropped, ...rest } = unit;
                set({ units: replaceAt(draft.units, i, category === '' ? rest : { ...rest, category }) });
              }}
            />
            {editable && draft.units.length > 1 && (
              <RemoveButton label={f('removeUnit', { n: i + 1 })} onClick={() => set({ units: removeAt(draft.units, i) })} />
            )}
          </div>
        ))}
        {editable && (
          <button type="button" onClick={() => set({ units: [...draft.units, { code: '', name: '', level: 'subordinate' }] })}>
            {f('addUnit')}
          </button>
        )}
      </fieldset>

      <fieldset id="field-department.staffing">
        <legend>{f('staffing')}</legend>
        <div className="form-grid">
          <IntField {...field} path="department.staffing.authorized" label={f('authorized')} value={staffing.authorized} onChange={(n) => setStaffing({ authorized: n as number })} />
          <IntField {...field} path="department.staffing.actual" label={f('actual')} value={staffing.actual} onChange={(n) => setStaffing({ actual: n as number })} />
          <IntField {...field} path="department.staffing.retired" label={f('retired')} value={staffing.retired} onChange={(n) => setStaffing({ retired: n as number })} />
        </div>
        {(['authorizedByType', 'actualByType'] as const).map((kind) => (
          <fieldset key={kind}>
            <legend>{f(kind)}</legend>
            {Object.entries(staffing[kind]).map(([type, count], i) => (
              // A count typed that is not a whole number is kept as typed, for ZStaffing to refuse.
              <FormRow key={i}>
                <TextField {...field} path={`department.staffing.${kind}.${type}`} label={`${f(kind)} · ${f('staffType')} ${i + 1}`} value={type} onChange={(t) => setStaffing({ [kind]: replaceEntry(staffing[kind], i, [t, count]) })} />
                <IntField {...field} path={`department.staffing.${kind}.${type}.count`} label={`${f(kind)} · ${f('staffCount')} ${i + 1}`} value={count} onChange={(n) => setStaffing({ [kind]: replaceEntry(staffing[kind], i, [type, n as number]) })} />
                {editable && <RemoveButton label={f('removeStaffType', { name: type })} onClick={() => setStaffing({ [kind]: replaceEntry(staffing[kind], i, null) })} />}
              </FormRow>
            ))}
            {editable && (
              <button type="button" onClick={() => setStaffing({ [kind]: { ...staffing[kind], [`类型${Object.keys(staffing[kind]).length + 1}`]: 0 } })}>
                {f('addStaffType')}
              </button>
            )}
          </fieldset>
        ))}
      </fieldset>
    </section>
  );
}
