import { PROCUREMENT_CATEGORIES, ZProject, type TProject } from '@budgetflow/domain';
import { useEffect, useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { groupYuan, parseYuanInput } from '../../lib/yuan-text';

/**
 * A project's essentials: name and overall target, its estimate details, procurement and
 * indicators. Changes are checked with the domain's ZProject before they join the working copy.
 */
export function ProjectEditor({
  projects,
  editable,
  focus,
  onApply,
}: {
  projects: readonly TProject[];
  editable: boolean;
  focus?: { projectId: string; part?: string | undefined } | null;
  onApply(projects: TProject[]): void;
}) {
  const { t } = useI18n();
  const [selectedId, setSelectedId] = useState(projects[0]?.id ?? '');
  const [draft, setDraft] = useState<TProject | null>(projects[0] ?? null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    if (focus && focus.projectId !== selectedId) setSelectedId(focus.projectId);
  }, [focus]);
  useEffect(() => setDraft(projects.find((p) => p.id === selectedId) ?? null), [projects, selectedId]);
  if (projects.length === 0 || draft === null) return <p>{t('nothingHere')}</p>;

  const set = (patch: Partial<TProject>) => setDraft({ ...draft, ...patch });
  const amountInput = (value: string, label: string, onValue: (yuan: string) => void) => (
    <AmountField value={value} label={label} readOnly={!editable} onValue={onValue} />
  );
  const apply = () => {
    const parsed = ZProject.safeParse(draft);
    if (!parsed.success) {
      setProblem(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
      return;
    }
    setProblem(null);
    onApply(projects.map((p) => (p.id === draft.id ? parsed.data : p)));
  };

  return (
    <section className="project-editor" aria-label={t('projects')}>
      <label>
        {t('project')}
        <select value={selectedId} onChange={(e) => setSelectedId(e.target.value)}>
          {projects.map((p) => (
            <option key={p.id} value={p.id}>
              {p.id} {p.name}
            </option>
          ))}
        </select>
      </label>
      <fieldset disabled={!editable}>
        <legend>{draft.name}</legend>
        <label>
          {t('projectName')}
          <input value={draft.name} onChange={(e) => set({ name: e.target.value })} />
        </label>
        <label>
          {t('overallTarget')}
          <textarea
            rows={3}
            value={draft.overallTarget}
            onChange={(e) => set({ overallTarget: e.target.value })}
          />
        </label>
      </fieldset>
      <fieldset disabled={!editable} id={`project-${draft.id}-details`}>
        <legend>{t('projectDetails')}</legend>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('economicCode')}</th>
              <th scope="col">{t('amountYuan')}</th>
              <th scope="col">{t('basis')}</th>
            </tr>
          </thead>
          <tbody>
            {draft.details.map((d, i) => (
              <tr key={i}>
                <td>
                  <input
                    aria-label={`${t('economicCode')} ${i + 1}`}
                    value={d.economicCode}
                    onChange={(e) =>
                      set({
                        details: draft.details.map((x, j) =>
                          j === i ? { ...x, economicCode: e.target.value } : x,
                        ),
                      })
                    }
                  />
                </td>
                <td>
                  {amountInput(d.amount, `${t('amountYuan')} ${i + 1}`, (amount) =>
                    set({ details: draft.details.map((x, j) => (j === i ? { ...x, amount } : x)) }),
                  )}
                </td>
                <td>
                  <input
                    aria-label={`${t('basis')} ${i + 1}`}
                    value={d.basis}
                    onChange={(e) =>
                      set({
                        details: draft.details.map((x, j) => (j === i ? { ...x, basis: e.target.value } : x)),
                      })
                    }
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <fieldset disabled={!editable} id={`project-${draft.id}-procurement`}>
        <legend>{t('procurement')}</legend>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('item')}</th>
              <th scope="col">{t('category')}</th>
              <th scope="col">{t('quantity')}</th>
              <th scope="col">{t('amountYuan')}</th>
            </tr>
          </thead>
          <tbody>
            {draft.procurement.map((p, i) => (
              <tr key={i}>
                <td>
                  <input
                    aria-label={`${t('item')} ${i + 1}`}
                    value={p.item}
                    onChange={(e) =>
                      set({
                        procurement: draft.procurement.map((x, j) =>
                          j === i ? { ...x, item: e.target.value } : x,
                        ),
                      })
                    }
                  />
                </td>
                <td>
                  <select
                    aria-label={`${t('category')} ${i + 1}`}
                    value={p.category}
                    onChange={(e) =>
                      set({
                        procurement: draft.procurement.map((x, j) =>
                          j === i ? { ...x, category: e.target.value as typeof p.category } : x,
                        ),
                      })
                    }
                  >
                    {PROCUREMENT_CATEGORIES.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    aria-label={`${t('quantity')} ${i + 1}`}
                    value={p.quantity}
                    onChange={(e) =>
                      set({
                        procurement: draft.procurement.map((x, j) =>
                          j === i ? { ...x, quantity: e.target.value } : x,
                        ),
                      })
                    }
                  />
                </td>
                <td>
                  {amountInput(p.amount, `${t('amountYuan')} ${i + 1}`, (amount) =>
                    set({ procurement: draft.procurement.map((x, j) => (j === i ? { ...x, amount } : x)) }),
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <fieldset disabled={!editable} id={`project-${draft.id}-indicators`}>
        <legend>{t('indicators')}</legend>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('level1')}</th>
              <th scope="col">{t('level2')}</th>
              <th scope="col">{t('indicatorName')}</th>
              <th scope="col">{t('target')}</th>
            </tr>
          </thead>
          <tbody>
            {draft.indicators.map((ind, i) => (
              <tr key={i}>
                {(['level1', 'level2', 'name', 'target'] as const).map((field) => (
                  <td key={field}>
                    <input
                      aria-label={`${field} ${i + 1}`}
                      value={ind[field]}
                      onChange={(e) =>
                        set({
                          indicators: draft.indicators.map((x, j) =>
                            j === i ? { ...x, [field]: e.target.value } : x,
                          ),
                        })
                      }
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      {problem !== null && (
        <p role="alert" className="problem">
          {problem}
        </p>
      )}
      {editable && (
        <button type="button" onClick={apply}>
          {t('applyProject')}
        </button>
      )}
    </section>
  );
}

/** An amount field of a form: keeps what is typed, hands on only exact amounts. */
function AmountField({
  value,
  label,
  readOnly,
  onValue,
}: {
  value: string;
  label: string;
  readOnly: boolean;
  onValue(yuan: string): void;
}) {
  const [text, setText] = useState<string | null>(null);
  const parsed = text === null ? null : parseYuanInput(text);
  return (
    <input
      aria-label={label}
      inputMode="decimal"
      readOnly={readOnly}
      aria-invalid={parsed !== null && !parsed.ok ? true : undefined}
      title={parsed !== null && !parsed.ok ? parsed.reason : undefined}
      value={text ?? groupYuan(value)}
      onChange={(e) => {
        setText(e.target.value);
        const p = parseYuanInput(e.target.value);
        if (p.ok) onValue(p.yuan);
      }}
      onBlur={() => {
        if (parsed?.ok !== false) setText(null);
      }}
    />
  );
}
