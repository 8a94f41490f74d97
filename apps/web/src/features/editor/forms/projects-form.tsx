import {
  FUND_SOURCE_NAMES,
  FUND_SOURCES,
  PROCUREMENT_CATEGORIES,
  ZProject,
  type TBudgetUnit,
  type TProject,
} from '@budgetflow/domain';
import { useEffect, useState } from 'react';
import { AmountField, IntField, SelectField, TextField } from './fields';
import { useFormText } from './form-text';
import { IndicatorTable } from './indicator-table';
import { removeAt, replaceAt } from './list-edit';
import type { TPartFormProps } from './part-form';
import { usePartDraft } from './use-part-draft';
import { ProjectRows } from './project-rows';

const ZProjects = ZProject.array();

const HEADER = ['managingDepartment', 'executingUnit', 'leader', 'phone', 'address', 'postcode', 'type'] as const;
const TEXTS = ['basis', 'plan', 'changeNote', 'overallTarget'] as const;
const HEADER_LABELS = { type: 'projectType' } as const;

/** A project id not yet used: P{year}-001, -002 … */
export function newProjectId(projects: readonly TProject[], fiscalYear: number): string {
  const ids = new Set(projects.map((p) => p.id));
  for (let n = 1; ; n++) {
    const id = `P${fiscalYear}-${String(n).padStart(3, '0')}`;
    if (!ids.has(id)) return id;
  }
}

export function emptyProject(id: string, name: string, unitCode: string): TProject {
  return ZProject.parse({ id, name, unitCode });
}

/**
 * 项目 (表10): add, copy and remove projects; each one's header facts, 立项依据, 实施方案, fund
 * sources, 支出明细测算, 政府采购, 以前年度 amounts, 绩效总目标 and indicators.
 */
export function ProjectsForm({
  value,
  fiscalYear,
  units,
  focus,
  editable,
  invalid,
  onApply,
  onInvalid,
}: TPartFormProps<TProject[]> & {
  fiscalYear: number;
  units: readonly TBudgetUnit[];
  focus?: { projectId: string } | null;
}) {
  const { f } = useFormText();
  const { draft, errors, update } = usePartDraft('projects', value, ZProjects, invalid, onApply, onInvalid);
  const [selectedId, setSelectedId] = useState(draft[0]?.id ?? '');
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    if (focus) setSelectedId(focus.projectId);
  }, [focus]);
  const index = Math.max(0, draft.findIndex((p) => p.id === selectedId));
  const project = draft[index];
  const field = { errors, readOnly: !editable };
  const add = (next: TProject) => {
    update([...draft, next]);
    setSelectedId(next.id);
  };

  const toolbar = editable && (
    <div className="toolbar">
      <button type="button" onClick={() => add(emptyProject(newProjectId(draft, fiscalYear), f('newProjectName'), units[0]?.code ?? ''))}>
        {f('addProject')}
      </button>
      {project !== undefined && (
        <>
          <button type="button" onClick={() => add({ ...project, id: newProjectId(draft, fiscalYear), name: f('copyOf', { name: project.name }) })}>
            {f('copyProject')}
          </button>
          <button type="button" onClick={() => setConfirming(true)}>
            {f('removeProject')}
          </button>
        </>
      )}
    </div>
  );
  if (project === undefined) {
    return (
      <section className="part-form" aria-label={f('tab_projects')}>
        {toolbar}
      </section>
    );
  }
  const at = `projects.${index}`;
  const set = (patch: Partial<TProject>) => update(replaceAt(draft, index, { ...project, ...patch }));

  return (
    <section className="part-form" aria-label={f('tab_projects')}>
      <div className="form-row">
        <SelectField
          errors={errors}
          readOnly={false}
          path="projects.selected"
          label={f('project')}
          value={project.id}
          options={draft.map((p) => ({ value: p.id, label: `${p.id} ${p.name}` }))}
          onChange={(id) => setSelectedId(id)}
        />
        {toolbar}
      </div>
      {confirming && (
        <div role="alertdialog" aria-label={f('removeProject')} className="banner">
          <p>{f('removeProjectConfirm', { name: project.name })}</p>
          <button
            type="button"
            onClick={() => {
              update(removeAt(draft, index));
              setSelectedId(draft[index === 0 ? 1 : 0]?.id ?? '');
              setConfirming(false);
            }}
          >
            {f('removeProject')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            ×
          </button>
        </div>
      )}
      <fieldset id={`field-${at}`}>
        <legend>{project.name}</legend>
        <div className="form-grid">
          <TextField {...field} path={`${at}.id`} label={f('projectId')} value={project.id} onChange={(id) => { set({ id }); setSelectedId(id); }} />
          <TextField {...field} path={`${at}.name`} label={f('projectName')} value={project.name} onChange={(name) => set({ name })} />
          <SelectField
            {...field}
            path={`${at}.unitCode`}
            label={f('projectUnit')}
            value={project.unitCode}
            options={units.map((u) => ({ value: u.code, label: `${u.code} ${u.name}` }))}
            onChange={(unitCode) => set({ unitCode })}
          />
          {HEADER.map((key) => (
            <TextField key={key} {...field} path={`${at}.${key}`} label={f(key in HEADER_LABELS ? HEADER_LABELS[key as 'type'] : (key as Exclude<typeof key, 'type'>))} value={project[key]} onChange={(text) => set({ [key]: text })} />
          ))}
          <AmountField
            {...field}
            optional
            path={`${at}.totalBudget`}
            label={f('totalBudget')}
            value={project.totalBudget}
            onChange={(totalBudget) => {
              const { totalBudget: _dropped, ...rest } = project;
              update(replaceAt(draft, index, totalBudget === undefined ? rest : { ...rest, totalBudget }));
            }}
          />
        </div>
        {TEXTS.map((key) => (
          <TextField key={key} {...field} multiline path={`${at}.${key}`} label={f(key)} value={project[key]} onChange={(text) => set({ [key]: text })} />
        ))}
      </fieldset>

      <ProjectRows<TProject['fundSources'][number]>
        path={`${at}.fundSources`}
        title={f('fundSources')}
        addLabel={f('addFundSource')}
        rows={project.fundSources}
        editable={editable}
        empty={{ source: 'general-budget-appropriation', amount: '0.00' }}
        onChange={(fundSources) => set({ fundSources })}
        render={(row, i, change) => (
          <>
            <SelectField
              {...field}
              path={`${at}.fundSources.${i}.source`}
              label={`${f('fundSource')} ${i + 1}`}
              value={row.source}
              options={FUND_SOURCES.map((s) => ({ value: s, label: FUND_SOURCE_NAMES[s] }))}
              onChange={(source) => change({ ...row, source: source === '' ? row.source : source })}
            />
            <AmountField {...field} path={`${at}.fundSources.${i}.amount`} label={`${f('fundSources')} ${f('amount')} ${i + 1}`} value={row.amount} onChange={(amount) => change({ ...row, amount: amount ?? '' })} />
          </>
        )}
      />

      <ProjectRows<TProject['details'][number]>
        path={`${at}.details`}
        title={f('details')}
        addLabel={f('addDetail')}
        rows={project.details}
        editable={editable}
        empty={{ economicCode: '', amount: '0.00', basis: '', note: '', subItems: [] }}
        onChange={(details) => set({ details })}
        render={(row, i, change) => (
          <>
            <TextField {...field} path={`${at}.details.${i}.economicCode`} label={`${f('economicCode')} ${i + 1}`} value={row.economicCode} onChange={(economicCode) => change({ ...row, economicCode })} />
            <AmountField {...field} path={`${at}.details.${i}.amount`} label={`${f('details')} ${f('amount')} ${i + 1}`} value={row.amount} onChange={(amount) => change({ ...row, amount: amount ?? '' })} />
            <TextField {...field} multiline path={`${at}.details.${i}.basis`} label={`${f('detailBasis')} ${i + 1}`} value={row.basis} onChange={(basis) => change({ ...row, basis })} />
            <TextField {...field} path={`${at}.details.${i}.note`} label={`${f('note')} ${i + 1}`} value={row.note} onChange={(note) => change({ ...row, note })} />
          </>
        )}
      />

      <ProjectRows<TProject['procurement'][number]>
        path={`${at}.procurement`}
        title={f('procurement')}
        addLabel={f('addProcurement')}
        rows={project.procurement}
        editable={editable}
        empty={{ item: '', category: 'goods', quantity: '', amount: '0.00' }}
        onChange={(procurement) => set({ procurement })}
        render={(row, i, change) => (
          <>
            <TextField {...field} path={`${at}.procurement.${i}.item`} label={`${f('item')} ${i + 1}`} value={row.item} onChange={(item) => change({ ...row, item })} />
            <SelectField
              {...field}
              path={`${at}.procurement.${i}.category`}
              label={`${f('category')} ${i + 1}`}
              value={row.category}
              options={PROCUREMENT_CATEGORIES.map((c) => ({ value: c, label: f(`category_${c}`) }))}
              onChange={(category) => change({ ...row, category: category === '' ? row.category : category })}
            />
            <TextField {...field} path={`${at}.procurement.${i}.quantity`} label={`${f('quantity')} ${i + 1}`} value={row.quantity} onChange={(quantity) => change({ ...row, quantity })} />
            <AmountField {...field} path={`${at}.procurement.${i}.amount`} label={`${f('procurement')} ${f('amount')} ${i + 1}`} value={row.amount} onChange={(amount) => change({ ...row, amount: amount ?? '' })} />
            <TextField {...field} path={`${at}.procurement.${i}.method`} label={`${f('method')} ${i + 1}`} value={row.method ?? ''} onChange={(method) => change({ ...row, method })} />
            {/* The 经济科目 a purchase is booked on: Jiangsu's 政府采购预算表 prints it; empty, none. */}
            <TextField
              {...field}
              path={`${at}.procurement.${i}.economicCode`}
              label={`${f('procurement')} ${f('economicCode')} ${i + 1}`}
              value={row.economicCode ?? ''}
              onChange={(economicCode) => {
                const { economicCode: _dropped, ...rest } = row;
                change(economicCode === '' ? rest : { ...rest, economicCode });
              }}
            />
          </>
        )}
      />

      <ProjectRows<TProject['priorYears'][number]>
        path={`${at}.priorYears`}
        title={f('priorYears')}
        addLabel={f('addYear')}
        rows={project.priorYears}
        editable={editable}
        empty={{ year: fiscalYear - 1 }}
        onChange={(priorYears) => set({ priorYears })}
        render={(row, i, change) => (
          <>
            {/* A year typed that is not a number is kept as typed, for ZProjectPriorYear to refuse. */}
            <IntField {...field} path={`${at}.priorYears.${i}.year`} label={`${f('year')} ${i + 1}`} value={row.year} onChange={(year) => change({ ...row, year: year as number })} />
            {(['budget', 'executed'] as const).map((key) => (
              <AmountField
                key={key}
                {...field}
                optional
                path={`${at}.priorYears.${i}.${key}`}
                label={`${f(key === 'budget' ? 'yearBudget' : 'yearExecuted')} ${i + 1}`}
                value={row[key]}
                onChange={(amount) => {
                  const { [key]: _dropped, ...rest } = row;
                  change(amount === undefined ? rest : { ...rest, [key]: amount });
                }}
              />
            ))}
          </>
        )}
      />

      <IndicatorTable
        path={`${at}.indicators`}
        title={f('indicators')}
        indicators={project.indicators}
        errors={errors}
        editable={editable}
        onChange={(indicators) => set({ indicators })}
      />
    </section>
  );
}

