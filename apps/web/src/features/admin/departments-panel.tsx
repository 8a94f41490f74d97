import { useState, type FormEvent } from 'react';
import { useDeskI18n } from '../../lib/desk-i18n';
import { ErrorBanner } from '../../ui/error-banner';
import { QueryView } from '../../ui/query-view';
import type { TAdminDepartment } from './admin-types';
import { useAdminChange, useAdminDepartments, useUnits } from './use-admin';

/** A new department or unit: its code and name, posted to `path`. */
function CodeNameForm({ path, label }: { path: string; label: string }) {
  const { t } = useDeskI18n();
  const create = useAdminChange((body: object) => [path, { method: 'POST', body }]);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    create.mutate({ code: String(form.get('code') ?? ''), name: String(form.get('name') ?? '') });
  };
  return (
    <form onSubmit={submit} aria-label={label}>
      <label>
        {t('adminCode')} <input name="code" required />
      </label>
      <label>
        {t('adminName')} <input name="name" required />
      </label>
      <button type="submit">{label}</button>
      <ErrorBanner error={create.error} />
    </form>
  );
}

/** 部门与单位: departments (add, rename) and each one's budget units (预算单位). */
export function DepartmentsPanel() {
  const { t } = useDeskI18n();
  const departments = useAdminDepartments();
  const [selected, setSelected] = useState<TAdminDepartment | null>(null);
  return (
    <section aria-labelledby="admin-departments-title">
      <h2 id="admin-departments-title">{t('adminDepartments')}</h2>
      <CodeNameForm path="/api/departments" label={t('adminNewDepartment')} />
      <QueryView query={departments} isEmpty={(list) => list.length === 0}>
        {(list) => (
          <table>
            <caption>{t('adminDepartments')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('adminCode')}</th>
                <th scope="col">{t('adminName')}</th>
                <th scope="col">{t('adminActions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((d) => (
                <DepartmentRow key={d.id} department={d} onUnits={() => setSelected(d)} />
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
      {selected !== null && <UnitsOf department={selected} />}
    </section>
  );
}

function DepartmentRow({ department, onUnits }: { department: TAdminDepartment; onUnits(): void }) {
  const { t } = useDeskI18n();
  const [name, setName] = useState(department.name);
  const rename = useAdminChange((next: string) => [`/api/departments/${department.id}`, { method: 'PATCH', body: { name: next } }]);
  return (
    <tr>
      <td>{department.code}</td>
      <td>
        <input aria-label={t('adminRenameOf', { code: department.code })} value={name} onChange={(e) => setName(e.target.value)} />
        <button type="button" disabled={name === department.name} onClick={() => rename.mutate(name)}>
          {t('adminSave')}
        </button>
        <ErrorBanner error={rename.error} />
      </td>
      <td>
        <button type="button" onClick={onUnits}>
          {t('adminUnitsOf', { code: department.code })}
        </button>
      </td>
    </tr>
  );
}

function UnitsOf({ department }: { department: TAdminDepartment }) {
  const { t } = useDeskI18n();
  const units = useUnits(department.id);
  return (
    <section aria-labelledby="admin-units-title">
      <h3 id="admin-units-title">{t('adminUnitsTitle', { name: department.name })}</h3>
      <QueryView query={units} isEmpty={() => false}>
        {(list) => (
          <ul>
            {list.map((u) => (
              <li key={u.id}>
                {u.code} {u.name}
              </li>
            ))}
          </ul>
        )}
      </QueryView>
      <CodeNameForm path={`/api/departments/${department.id}/units`} label={t('adminNewUnit')} />
    </section>
  );
}
