import { TEMPLATES } from '@budgetflow/domain';
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { useDeskI18n } from '../../lib/desk-i18n';
import { ErrorBanner } from '../../ui/error-banner';
import { QueryView } from '../../ui/query-view';
import type { TFiscalYear, TUploadPreview } from './admin-types';
import { useAdminChange, useFiscalYears } from './use-admin';

/** 年度与模板: each fiscal year's status, its disclosure template and its catalogue edition. */
export function FiscalYearsPanel() {
  const { t } = useDeskI18n();
  const years = useFiscalYears();
  return (
    <section aria-labelledby="admin-years-title">
      <h2 id="admin-years-title">{t('adminFiscalYears')}</h2>
      <QueryView query={years} isEmpty={(list) => list.length === 0}>
        {(list) => (
          <table>
            <caption>{t('adminFiscalYears')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('year')}</th>
                <th scope="col">{t('adminStatus')}</th>
                <th scope="col">{t('adminTemplate')}</th>
                <th scope="col">{t('adminActions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((y) => (
                <YearRow key={y.year} year={y} />
              ))}
            </tbody>
          </table>
        )}
      </QueryView>
      <CatalogueUpload years={years.data?.map((y) => y.year) ?? []} />
    </section>
  );
}

function YearRow({ year }: { year: TFiscalYear }) {
  const { t } = useDeskI18n();
  const [status, setStatus] = useState(year.status);
  const [template, setTemplate] = useState(year.template);
  const save = useAdminChange(() => [`/api/fiscal-years/${year.year}`, { method: 'PUT', body: { status, template } }]);
  return (
    <tr>
      <td>{year.year}</td>
      <td>
        <select aria-label={t('adminStatusOf', { year: year.year })} value={status} onChange={(e) => setStatus(e.target.value as TFiscalYear['status'])}>
          <option value="open">{t('adminYearOpen')}</option>
          <option value="closed">{t('adminYearClosed')}</option>
        </select>
      </td>
      <td>
        <select aria-label={t('adminTemplateOf', { year: year.year })} value={template} onChange={(e) => setTemplate(e.target.value)}>
          {TEMPLATES.map((tpl) => (
            <option key={tpl.id} value={tpl.id}>
              {tpl.name}
            </option>
          ))}
        </select>
      </td>
      <td>
        <button type="button" disabled={status === year.status && template === year.template} onClick={() => save.mutate(undefined)}>
          {t('adminSave')}
        </button>
        {save.isSuccess && <span role="status">{t('adminSaved')}</span>}
        <ErrorBanner error={save.error} />
      </td>
    </tr>
  );
}

const LIST_KEYS = { functional: 'adminListFunctional', economic: 'adminListEconomic', 'government-economic': 'adminListGovernmentEconomic' } as const;

/** 分类科目: an edition uploaded as a workbook, its changes shown, then put in force. */
function CatalogueUpload({ years }: { years: number[] }) {
  const { t } = useDeskI18n();
  const [year, setYear] = useState<number | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const target = year ?? years[0];
  const upload = useMutation({
    mutationFn: (f: File) => api<TUploadPreview>(`/api/catalogue/${target}/uploads`, { method: 'POST', file: f }),
  });
  const confirm = useAdminChange((preview: TUploadPreview) => [`/api/catalogue/${preview.fiscalYear}/uploads/${preview.uploadId}/confirm`, { method: 'POST' }]);
  const preview = upload.data;
  return (
    <section aria-labelledby="admin-catalogue-title">
      <h3 id="admin-catalogue-title">{t('adminCatalogue')}</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (file !== null) upload.mutate(file);
        }}
      >
        <label>
          {t('year')}{' '}
          <select value={target ?? ''} onChange={(e) => setYear(Number(e.target.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('adminCatalogueFile')} <input type="file" accept=".xlsx" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <button type="submit" disabled={file === null || upload.isPending}>
          {t('adminUploadPreview')}
        </button>
        <ErrorBanner error={upload.error} />
      </form>
      {preview !== undefined && (
        <section aria-labelledby="admin-preview-title">
          <h4 id="admin-preview-title">{t('adminPreviewTitle', { year: preview.fiscalYear })}</h4>
          <ul>
            {preview.changes.lists.map((l) => (
              <li key={l.list}>
                {t(LIST_KEYS[l.list])}：{t('adminChangeCounts', { added: l.added.length, renamed: l.renamed.length, removed: l.removed.length })}
                <ul>
                  {l.added.map((c) => (
                    <li key={`a${c.code}`}>+ {c.code} {c.name}</li>
                  ))}
                  {l.renamed.map((c) => (
                    <li key={`r${c.code}`}>
                      {c.code} {c.from} → {c.to}
                    </li>
                  ))}
                  {l.removed.map((c) => (
                    <li key={`d${c.code}`}>− {c.code} {c.name}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          <button type="button" disabled={confirm.isPending || confirm.isSuccess} onClick={() => confirm.mutate(preview)}>
            {t('adminConfirmEdition')}
          </button>
          {confirm.isSuccess && <p role="status">{t('adminEditionInForce')}</p>}
          <ErrorBanner error={confirm.error} />
        </section>
      )}
    </section>
  );
}
