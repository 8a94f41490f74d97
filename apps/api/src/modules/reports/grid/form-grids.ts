import type { TFactsBlock, TIndicatorsBlock } from '@budgetflow/domain';
import type { TDisplayGrid, TGridCell } from './display-grid';

/** Label–value facts as a form: two pairs per row when the values are short, else one. */
export function factsGrid(block: TFactsBlock): TDisplayGrid {
  const body: TGridCell[][] = [];
  const items = block.items;
  for (let i = 0; i < items.length; ) {
    const a = items[i];
    const b = items[i + 1];
    if (a === undefined) break;
    if (b !== undefined && a.value.length <= 30 && b.value.length <= 30) {
      body.push([{ text: a.label, bold: true }, { text: a.value }, { text: b.label, bold: true }, { text: b.value }]);
      i += 2;
    } else {
      body.push([{ text: a.label, bold: true }, { text: a.value, colSpan: 3 }]);
      i += 1;
    }
  }
  return { header: [], body };
}

/**
 * 绩效指标 as 表9/表10 print them: the value columns under one merged 指标值 header, and runs of the
 * same 一级指标 (then 二级指标) merged down the rows.
 */
export function indicatorsGrid(block: TIndicatorsBlock): TDisplayGrid {
  const withContent = block.indicators.some((i) => i.content !== '');
  const [y1, y2] = block.priorYears ?? [undefined, undefined];
  const header: TGridCell[][] = [
    [
      { text: '一级指标', rowSpan: 2 },
      { text: '二级指标', rowSpan: 2 },
      { text: '指标名称', rowSpan: 2 },
      ...(withContent ? [{ text: '指标内容', rowSpan: 2 }] : []),
      { text: '指标值', colSpan: 3 },
      { text: '绩效标准', rowSpan: 2 },
    ],
    [{ text: y1 ? `${y1}年` : '前年' }, { text: y2 ? `${y2}年` : '上年' }, { text: '预期当年实现值' }],
  ];
  const list = block.indicators;
  const runLength = (i: number, same: (k: number) => boolean): number => {
    let n = 1;
    while (i + n < list.length && same(i + n)) n += 1;
    return n;
  };
  const body: TGridCell[][] = list.map((indicator, i) => {
    const prev = list[i - 1];
    const cells: TGridCell[] = [];
    if (prev?.level1 !== indicator.level1 || i === 0) {
      cells.push({ text: indicator.level1, rowSpan: runLength(i, (k) => list[k]?.level1 === indicator.level1) });
    }
    const sameParent = (k: number): boolean => list[k]?.level1 === indicator.level1 && list[k]?.level2 === indicator.level2;
    if (i === 0 || prev?.level1 !== indicator.level1 || prev.level2 !== indicator.level2) {
      cells.push({ text: indicator.level2, rowSpan: runLength(i, sameParent) });
    }
    cells.push({ text: indicator.name });
    if (withContent) cells.push({ text: indicator.content });
    cells.push(
      { text: indicator.valueTwoYearsAgo, align: 'center' },
      { text: indicator.valueLastYear, align: 'center' },
      { text: indicator.target, align: 'center' },
      { text: indicator.standard, align: 'center' },
    );
    return cells;
  });
  return { header, body };
}
