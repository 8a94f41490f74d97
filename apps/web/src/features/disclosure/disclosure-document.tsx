import type { TDisclosure } from '@budgetflow/domain';
import { translate } from '../../lib/i18n';
import { DisclosureTable } from './disclosure-table';

/** The whole disclosure as a page: overview, the template's tables, explanations, glossary. */
export function DisclosureDocument({ disclosure }: { disclosure: TDisclosure }) {
  // The disclosure is the department's Chinese document, whatever language the page around it speaks.
  const t = (key: Parameters<typeof translate>[1]) => translate('zh', key);
  const { meta, overview } = disclosure;
  const name = meta.shortName ?? meta.departmentName;
  return (
    <article className="disclosure" lang="zh-CN">
      <header className="disclosure-cover">
        <h1>
          {meta.departmentName} {meta.fiscalYear}年部门预算
        </h1>
      </header>
      <nav className="toc no-print" aria-label="目录">
        <ol>
          {disclosure.tables.map((table) => (
            <li key={table.id}>
              <a href={`#table-${table.id}`}>
                {table.number} {table.title}
              </a>
            </li>
          ))}
        </ol>
      </nav>
      <section aria-labelledby="part1">
        <h2 id="part1">{t('part1')}</h2>
        {overview.functions.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
        <p>
          编制人数 {overview.staffing.authorized} 人，在职实有人数 {overview.staffing.actual} 人，离退休人员{' '}
          {overview.staffing.retired} 人。
        </p>
        <ul>
          {overview.units.map((u) => (
            <li key={u.code}>
              {u.code} {u.name}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="part2">
        <h2 id="part2">{t('part2')}</h2>
        {disclosure.tables.map((table) => (
          <DisclosureTable key={table.id} table={table} departmentName={name} />
        ))}
      </section>
      <section aria-labelledby="part3">
        <h2 id="part3">{t('part3')}</h2>
        {disclosure.explanations.map((s) => (
          <section key={s.key}>
            <h3>{s.title}</h3>
            {s.paragraphs.map((p, i) => (
              <p key={i}>{p.text}</p>
            ))}
          </section>
        ))}
      </section>
      <section aria-labelledby="part4">
        <h2 id="part4">{t('part4')}</h2>
        <dl className="glossary">
          {disclosure.glossary.map((g) => (
            <div key={g.key}>
              <dt>{g.term}</dt>
              <dd>
                {g.definition}
                {g.items.length > 0 && (
                  <ul>
                    {g.items.map((item) => (
                      <li key={item.code}>
                        {item.code} {item.label}：{item.definition}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          ))}
        </dl>
      </section>
    </article>
  );
}
