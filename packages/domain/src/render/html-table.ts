import type { TIndicatorsBlock, TLeafBlock, TProjectBlock } from '../disclosure/disclosure.schema';
import type { DisplayCell, DisplayGrid, DisplayOptions } from './display-grid';
import { toDisplayGrid } from './display-grid';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function cellHtml(c: DisplayCell, tag: 'th' | 'td'): string {
  const spans = `${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}`;
  const indent = c.indent > 0 ? ` style="padding-left:${0.3 + c.indent}em"` : '';
  return `<${tag} class="${c.kind}"${spans}${indent}>${escapeHtml(c.text)}</${tag}>`;
}

/** A display grid as an HTML table with its merged header; the empty statement when it has no rows. */
export function gridHtml(grid: DisplayGrid): string {
  const head = grid.header.map((row) => `<tr>${row.map((c) => cellHtml(c, 'th')).join('')}</tr>`).join('');
  const body = grid.body.map((row) => `<tr${row.emphasis ? ' class="total"' : ''}>${row.cells.map((c) => cellHtml(c, 'td')).join('')}</tr>`).join('');
  const table = `<table class="grid"><thead>${head}</thead><tbody>${body}</tbody></table>`;
  return table + emptyStatementHtml(grid.emptyStatement);
}

export function emptyStatementHtml(statement: string | undefined): string {
  return statement === undefined ? '' : `<p class="empty">${escapeHtml(statement)}</p>`;
}

function indicatorsHtml(block: TIndicatorsBlock): string {
  const years = block.priorYears;
  const head = years === undefined ? ['一级指标', '二级指标', '指标名称', '指标值', '绩效标准'] : ['一级指标', '二级指标', '指标名称', '指标内容', `${years[0]}年`, `${years[1]}年`, '预期当年实现值', '绩效标准'];
  const rows = block.indicators.map((i) => {
    const values = years === undefined ? [i.level1, i.level2, i.name, i.target, i.standard] : [i.level1, i.level2, i.name, i.content, i.valueTwoYearsAgo, i.valueLastYear, i.target, i.standard];
    return `<tr>${values.map((v) => `<td class="text">${escapeHtml(v)}</td>`).join('')}</tr>`;
  });
  const title = block.title === undefined ? '' : `<h4>${escapeHtml(block.title)}</h4>`;
  return `${title}<table class="grid indicators"><thead><tr>${head.map((h) => `<th class="header">${h}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** A block of 表9/表10: facts as a form, texts as labelled paragraphs, grids and indicators as tables. */
export function blockHtml(block: TLeafBlock | TProjectBlock, options: DisplayOptions): string {
  switch (block.type) {
    case 'facts': {
      const title = block.title === undefined ? '' : `<h4>${escapeHtml(block.title)}</h4>`;
      const rows = block.items.map((i) => `<tr><th class="header">${escapeHtml(i.label)}</th><td class="text">${escapeHtml(i.value)}</td></tr>`).join('');
      return `${title}<table class="grid facts"><tbody>${rows}</tbody></table>`;
    }
    case 'text':
      return `<div class="text-block"><h4>${escapeHtml(block.label)}</h4><p>${escapeHtml(block.text)}</p></div>`;
    case 'grid':
      return `${block.title === undefined ? '' : `<h4>${escapeHtml(block.title)}</h4>`}${gridHtml(toDisplayGrid(block, options))}`;
    case 'indicators':
      return indicatorsHtml(block);
    case 'project':
      return `<section class="project"><h3>项目名称：${escapeHtml(block.name)}</h3><p class="unit-line">项目单位：${escapeHtml(block.unitName)}</p>${block.blocks.map((b) => blockHtml(b, options)).join('')}</section>`;
  }
}
