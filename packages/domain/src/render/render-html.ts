import { chineseNumeral } from '../text/chinese-numeral';
import type { TDisclosure, TDisclosureTable, TExplanationSection, TGlossaryEntry, TOverview } from '../disclosure/disclosure.schema';
import { CORRECTION_STATEMENT_TITLE, correctionStatementText, type TCorrectionStatement } from './correction-notice';
import { partTitles } from './disclosure-text';
import { displayUnitOf, toDisplayGrid } from './display-grid';
import { blockHtml, emptyStatementHtml, escapeHtml, gridHtml } from './html-table';

const numeral = (i: number) => chineseNumeral(i + 1);

const STYLE = `
body{font-family:"Noto Sans SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;margin:2em auto;max-width:60em;color:#111;line-height:1.6}
h1{text-align:center;font-size:1.6em}h2{font-size:1.3em;border-bottom:1px solid #999;margin-top:2em}h3{font-size:1.1em}h4{font-size:1em;margin:1em 0 .3em}
table.grid{border-collapse:collapse;width:100%;margin:.5em 0 1em;font-size:.9em}
table.grid th,table.grid td{border:1px solid #555;padding:.2em .3em;vertical-align:top}
table.grid th{background:#eee;text-align:center}
td.amount,td.percent{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
td.code{white-space:nowrap}tr.total td{font-weight:bold}
.table-head{display:flex;justify-content:space-between}.unit{font-size:.9em}
p.empty{text-align:center;padding:1em;border:1px solid #555}
p.note{font-size:.85em;color:#444}
section.correction{border:1px solid #555;padding:.3em 1em;margin:1em 0}section.correction h2{border:none;text-align:center;margin:.3em 0}
nav ol{columns:2;list-style:none;padding-left:1em}ul.items{list-style:none;padding-left:2em}
@media print{body{margin:0;max-width:none}section.table{page-break-before:always}thead{display:table-header-group}tr{page-break-inside:avoid}nav{page-break-after:always}a{color:inherit;text-decoration:none}}
`;

function overviewHtml(name: string, year: number, o: TOverview): string {
  const subordinates = o.units.filter((u) => u.level === 'subordinate');
  const s = o.staffing;
  const byType = (m: Record<string, number>) => Object.entries(m).map(([k, v]) => `${k}${v}人`).join('，');
  return [
    '<h3>一、部门主要职能</h3>',
    ...o.functions.map((f, i) => `<p>${i + 1}、${escapeHtml(f)}</p>`),
    '<h3>二、部门预算单位构成</h3>',
    `<p>纳入${escapeHtml(name)}${year}年部门预算编制范围的预算单位包括本级及二级预算单位${subordinates.length}个。</p>`,
    `<p>二级预算单位包括：${subordinates.length === 0 ? '无' : subordinates.map((u) => escapeHtml(u.name)).join('、')}。</p>`,
    '<h3>三、部门人员构成</h3>',
    `<p>${escapeHtml(name)}总编制人数${s.authorized}人${Object.keys(s.authorizedByType).length > 0 ? `，其中：${escapeHtml(byType(s.authorizedByType))}` : ''}。` +
      `在职实有人数${s.actual}人${Object.keys(s.actualByType).length > 0 ? `，其中：${escapeHtml(byType(s.actualByType))}` : ''}。离退休人员${s.retired}人。</p>`,
  ].join('');
}

function tableHtml(table: TDisclosureTable, index: number, name: string, year: number): string {
  const options = { unit: displayUnitOf(table) };
  return (
    `<section class="table" id="${table.id}"><h3>表${index + 1}. ${escapeHtml(name)}${year}年${escapeHtml(table.title)}</h3>` +
    `<div class="table-head"><span>${escapeHtml(table.number)}</span><span class="unit">单位：${escapeHtml(table.unit)}</span></div>` +
    table.preamble.map((b) => blockHtml(b, options)).join('') +
    // 表10 has no grid of its own, only its projects (or the statement that there are none).
    (table.columns.length === 0 ? emptyStatementHtml(table.emptyStatement) : gridHtml(toDisplayGrid(table, options))) +
    table.blocks.map((b) => blockHtml(b, options)).join('') +
    '</section>'
  );
}

function explanationHtml(section: TExplanationSection): string {
  return `<h3>${escapeHtml(section.title)}</h3>${section.paragraphs.map((p) => `<p>${escapeHtml(p.text)}</p>`).join('')}`;
}

function glossaryHtml(entries: TGlossaryEntry[]): string {
  return entries
    .map((e, i) => {
      const items = e.items.map((item, j) => `<li>${j + 1}. ${escapeHtml(item.label)}${item.definition === '' ? '' : `：${escapeHtml(item.definition)}`}</li>`).join('');
      return `<p>（${numeral(i)}）${escapeHtml(e.term)}${e.definition === '' ? '' : `：${escapeHtml(e.definition)}`}</p>${items === '' ? '' : `<ul class="items">${items}</ul>`}`;
    })
    .join('');
}

/**
 * What the published HTML may load: nothing but its own inline style and data: images, no script,
 * no form, no base. In the file itself (a meta element), so that it holds wherever the file is
 * opened; served over HTTP it comes as a header too, with frame-ancestors (which a meta cannot set).
 */
export const PUBLISHED_HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/**
 * A corrected version's 更正说明, framed under its title: the file is read away from the portal's
 * page too, so it says itself which version it is, what it corrects and why, in the very words of
 * its PDF's cover and its workbook's first sheet.
 */
function correctionHtml(correction: TCorrectionStatement): string {
  return `<section class="correction" aria-labelledby="correction-title"><h2 id="correction-title">${CORRECTION_STATEMENT_TITLE}</h2><p>${escapeHtml(correctionStatementText(correction))}</p></section>`;
}

/**
 * The whole printable disclosure in one self-contained HTML file (inline CSS with a print
 * stylesheet, no external assets): 概况, the ten tables with merged headers, the explanations and
 * the glossary, with a note on how rounding (尾差) is shown; a correction's 更正说明 under its title.
 */
export function renderHtml(disclosure: TDisclosure, options: { correction?: TCorrectionStatement | undefined } = {}): string {
  const { meta } = disclosure;
  const name = meta.shortName ?? meta.departmentName;
  const year = meta.fiscalYear;
  // 部门预算 or a unit's 单位预算, as the PDF words it
  const titles = partTitles(disclosure);
  const title = titles.document;
  const toc = disclosure.tables.map((t, i) => `<li><a href="#${t.id}">${numeral(i)}、${escapeHtml(t.title)}</a></li>`).join('');
  return [
    '<!DOCTYPE html>',
    `<html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${PUBLISHED_HTML_CSP}"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${escapeHtml(title)}</h1>`,
    ...(options.correction === undefined ? [] : [correctionHtml(options.correction)]),
    `<nav><h2>目录</h2><ol>${toc}</ol></nav>`,
    `<h2>第一部分 ${escapeHtml(name)}概况</h2>`,
    overviewHtml(name, year, disclosure.overview),
    `<h2>${escapeHtml(titles.tables)}</h2>`,
    ...disclosure.tables.map((t, i) => tableHtml(t, i, name, year)),
    '<p class="note">注：表中金额由元为单位的预算明细汇总后，按四舍五入保留一位小数以万元列示（表十以元列示）；各项分别取整，合计数与分项之和可能存在尾差。</p>',
    `<h2>${escapeHtml(titles.explanations)}</h2>`,
    ...disclosure.explanations.map(explanationHtml),
    '<h2>第四部分 名词解释</h2>',
    glossaryHtml(disclosure.glossary),
    '</body></html>',
  ].join('\n');
}
