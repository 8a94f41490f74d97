import type { TTemplateColumn } from './template-cells';

/** 绩效指标's columns, as a project's (项目绩效指标) and the department's (部门绩效指标) sheets print them. */
export const INDICATOR_COLUMNS: TTemplateColumn[] = [
  { key: 'level1', label: '一级指标', optional: true },
  { key: 'level2', label: '二级指标', optional: true },
  { key: 'name', label: '指标名称', optional: true },
  { key: 'content', label: '指标内容', optional: true },
  // Not 指标值（前年）: a heading is found by its first word, and the two would share it.
  { key: 'valueTwoYearsAgo', label: '前年指标值', optional: true },
  { key: 'valueLastYear', label: '上年指标值', optional: true },
  { key: 'target', label: '预期当年实现值', optional: true },
  { key: 'standard', label: '绩效标准', optional: true },
];

/** An indicator's texts the sheet left empty are '' in the document, as the schema's defaults write the others. */
export const INDICATOR_TEXT_DEFAULTS = { level1: '', level2: '', name: '', target: '' } as const;
