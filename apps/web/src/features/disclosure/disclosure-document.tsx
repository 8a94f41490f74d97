import {
  chineseNumeral,
  overviewParagraphs,
  partTitles,
  tableHeading,
  type TDisclosure,
  type TDisclosureTable,
} from '@budgetflow/domain';
import { memo } from 'react';
import { DisclosureTable } from './disclosure-table';

/** Where a table's rows may lead (the portal's drill-down), by the row's code; absent: rows are plain. */
export type TRowLink = (table: TDisclosureTable, code: string) => string | undefined;

/**
 * The whole disclosure as a page, part for part and heading for heading as its PDF prints it
 * (the same titles from the domain): 目录, 第一部分 概况, 第二部分 the template's tables,
 * 第三部分 说明, 第四部分 名词解释. `cover` off when the page around it carries the title.
 */
// Memoised: a step of the portal's drill-down changes the address, not the document, which is
// by far the largest part of the page to draw again.
export const DisclosureDocument = memo(function DisclosureDocument({
  disclosure,
  cover = true,
  rowLink,
}: {
  disclosure: TDisclosure;
  cover?: boolean;
  rowLink?: TRowLink;
}) {
  const titles = partTitles(disclosure);
  const overview = overviewParagraphs(disclosure);
  const tableTitle = (table: TDisclosureTable) => `${table.number} ${tableHeading(disclosure, table)}`;
  const contents: { id: string; title: string; children: { id: string; title: string }[] }[] = [
    {
      id: 'part1',
      title: titles.overview,
      children: overview.map((s, i) => ({ id: `overview-${i}`, title: s.title })),
    },
    {
      id: 'part2',
      title: titles.tables,
      children: disclosure.tables.map((t) => ({ id: `table-${t.id}`, title: tableTitle(t) })),
    },
    {
      id: 'part3',
      title: titles.explanations,
      children: disclosure.explanations.map((s) => ({ id: `explanation-${s.key}`, title: s.title })),
    },
    { id: 'part4', title: titles.glossary, children: [] },
  ];
  return (
    <article className="disclosure" lang="zh-CN">
      {cover && (
        <header className="disclosure-cover">
          <h1>{titles.document}</h1>
          <p>{disclosure.meta.departmentName}</p>
        </header>
      )}
      <nav className="toc" aria-labelledby="toc-title">
        <h2 id="toc-title">目录</h2>
        <ol>
          {contents.map((part) => (
            <li key={part.id}>
              <a href={`#${part.id}`}>{part.title}</a>
              {part.children.length > 0 && (
                <ol>
                  {part.children.map((c) => (
                    <li key={c.id}>
                      <a href={`#${c.id}`}>{c.title}</a>
                    </li>
                  ))}
                </ol>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <section aria-labelledby="part1" className="part">
        <h2 id="part1">{titles.overview}</h2>
        {overview.map((section, i) => (
          <section key={section.title} aria-labelledby={`overview-${i}`}>
            <h3 id={`overview-${i}`}>{section.title}</h3>
            {section.paragraphs.map((p, j) => (
              <p key={j}>{p}</p>
            ))}
          </section>
        ))}
      </section>
      <section aria-labelledby="part2" className="part">
        <h2 id="part2">{titles.tables}</h2>
        <ol className="table-list">
          {disclosure.tables.map((table) => (
            <li key={table.id}>{tableHeading(disclosure, table)}</li>
          ))}
        </ol>
        {disclosure.tables.map((table) => (
          <DisclosureTable
            key={table.id}
            table={table}
            title={tableTitle(table)}
            departmentName={disclosure.meta.departmentName}
            {...(rowLink === undefined ? {} : { rowLink: (code: string) => rowLink(table, code) })}
          />
        ))}
      </section>
      <section aria-labelledby="part3" className="part">
        <h2 id="part3">{titles.explanations}</h2>
        {disclosure.explanations.map((s) => (
          <section key={s.key} aria-labelledby={`explanation-${s.key}`}>
            <h3 id={`explanation-${s.key}`}>{s.title}</h3>
            {s.paragraphs.map((p, i) => (
              <p key={i}>{p.text}</p>
            ))}
          </section>
        ))}
      </section>
      <section aria-labelledby="part4" className="part">
        <h2 id="part4">{titles.glossary}</h2>
        {disclosure.glossary.map((entry, i) => (
          <div key={entry.key} className="glossary-entry">
            <p>
              （{chineseNumeral(i + 1)}）<strong>{entry.term}</strong>
              {entry.definition === '' ? '' : `：${entry.definition}`}
            </p>
            {entry.items.length > 0 && (
              <ol className="glossary-items">
                {entry.items.map((item) => (
                  <li key={item.code}>
                    {item.label}
                    {item.definition === '' ? '' : `：${item.definition}`}
                  </li>
                ))}
              </ol>
            )}
          </div>
        ))}
      </section>
    </article>
  );
});
