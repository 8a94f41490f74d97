import { disclosureKind, escapeHtml, type TPublishedIdentity } from '@budgetflow/domain';

/**
 * What a reader without script can read of a publication: its web version (disclosure.html) and its
 * PDF, each shown in the browser; neither while its files are being rendered.
 */
export interface TReadableDisclosure extends TPublishedIdentity {
  html?: string | undefined;
  pdf?: string | undefined;
}

/** A page of the published disclosures (the newest version of each), as the portal's search pages them. */
export interface TReadablePage {
  items: TReadableDisclosure[];
  page: number;
  pageCount: number;
}

/** What the portal's shell carries for a reader without script: one disclosure, or a page of them all. */
export type TNoscript = { disclosure: TReadableDisclosure } | { list: TReadablePage };

const ROOT = '<div id="root"></div>';
const LIST_PATH = '/portal';

/** 武汉市硚口区大数据中心 2020年部门预算（第1版）: whose, which year's and which version's. */
export function readableTitle(d: TPublishedIdentity, what?: string): string {
  const kind = disclosureKind({ scope: d.unitName === null ? 'department' : 'unit' });
  return `${d.unitName ?? d.departmentName} ${d.fiscalYear}年${kind}（第${d.versionNo}版${what === undefined ? '' : `，${what}`}）`;
}

const link = (href: string, text: string) => `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;

/** The links to a disclosure's web version and PDF, or a word that they are not ready yet. */
function readingLinks(d: TReadableDisclosure): string[] {
  const links = [
    ...(d.html === undefined ? [] : [link(d.html, readableTitle(d, '网页版全文'))]),
    ...(d.pdf === undefined ? [] : [link(d.pdf, readableTitle(d, 'PDF'))]),
  ];
  return links.length > 0 ? links : [`${escapeHtml(readableTitle(d))}：公开文件正在生成，请稍后再来。`];
}

function disclosureBlock(d: TReadableDisclosure): string {
  return [
    `<h1>${escapeHtml(readableTitle(d))}</h1>`,
    '<p>本页的交互图表需要启用 JavaScript。未启用时，可阅读本预算的网页版全文或 PDF：</p>',
    `<ul>${readingLinks(d)
      .map((l) => `<li>${l}</li>`)
      .join('')}</ul>`,
    `<p>${link(LIST_PATH, '全部公开的部门预算')}</p>`,
  ].join('');
}

const pageLink = (page: number, text: string, rel: 'prev' | 'next') =>
  `<a href="${LIST_PATH}?page=${page}" rel="${rel}">${text}</a>`;

function listBlock(list: TReadablePage): string {
  const items =
    list.items.length > 0
      ? `<ol>${list.items.map((d) => `<li>${readingLinks(d).join(' ')}</li>`).join('')}</ol>`
      : `<p>${list.page > 1 ? `本页没有预算，请从${link(`${LIST_PATH}?page=1`, '第 1 页')}看起。` : '尚无公开的部门预算。'}</p>`;
  const paging = [
    ...(list.page > 1 && list.page <= list.pageCount ? [pageLink(list.page - 1, '上一页', 'prev')] : []),
    `第 ${list.page} / ${list.pageCount} 页`,
    ...(list.page < list.pageCount ? [pageLink(list.page + 1, '下一页', 'next')] : []),
  ];
  return [
    '<h1>部门预算公开</h1>',
    '<p>门户的检索与图表需要启用 JavaScript。未启用时，可阅读下列各部门预算（每项为最新版本，年度新者在前）的网页版全文或 PDF：</p>',
    items,
    `<nav aria-label="分页">${paging.join(' ')}</nav>`,
  ].join('');
}

/**
 * The app shell with a <noscript> beside #root (shown only when script is off, so a reader with
 * script sees the page as before) and, for one disclosure, its name as the page's title. Plain
 * elements only, no style or script: the page policy forbids inline script. Every datum escaped.
 */
export function withNoscript(indexHtml: string, noscript: TNoscript): string {
  const body = 'disclosure' in noscript ? disclosureBlock(noscript.disclosure) : listBlock(noscript.list);
  const titled =
    'disclosure' in noscript
      ? indexHtml.replace(
          /<title>[^<]*<\/title>/,
          () => `<title>${escapeHtml(readableTitle(noscript.disclosure))}</title>`,
        )
      : indexHtml;
  return titled.replace(ROOT, () => `${ROOT}<noscript><main>${body}</main></noscript>`);
}
