import type { TDisclosure, TDisclosureTable } from '../disclosure/disclosure.schema';

/** The name titles print: 硚口区大数据中心 rather than 武汉市硚口区大数据中心, when it has one. */
function titleName(disclosure: TDisclosure): string {
  return disclosure.meta.shortName ?? disclosure.meta.departmentName;
}

/** What the disclosure is: Shanghai publishes each unit's own 单位预算 beside the department's 部门预算. */
export function disclosureKind(meta: Pick<TDisclosure['meta'], 'scope'>): '部门预算' | '单位预算' {
  return meta.scope === 'unit' ? '单位预算' : '部门预算';
}

export interface TPartTitles {
  document: string;
  overview: string;
  tables: string;
  explanations: string;
  glossary: string;
}

/** The document's title and the headings of its four parts, worded as published disclosures word them. */
export function partTitles(disclosure: TDisclosure): TPartTitles {
  const name = titleName(disclosure);
  const year = disclosure.meta.fiscalYear;
  const kind = disclosureKind(disclosure.meta);
  return {
    document: `${name}${year}年${kind}`,
    overview: `第一部分 ${name}概况`,
    tables: `第二部分 ${name}${year}年${kind}表`,
    explanations: `第三部分 ${name}${year}年${kind}情况说明`,
    glossary: '第四部分 名词解释',
  };
}

/** 硚口区大数据中心2020年收支预算总表 */
export function tableHeading(disclosure: TDisclosure, table: TDisclosureTable): string {
  // A template whose titles carry the year (Shanghai's 「2025年部门财务收支预算总表」) prints them as they are.
  if (table.title.includes(`${disclosure.meta.fiscalYear}年`)) return table.title;
  return `${titleName(disclosure)}${disclosure.meta.fiscalYear}年${table.title}`;
}

export interface TOverviewSection {
  title: string;
  paragraphs: string[];
}

/** Part 1 in words: the functions as entered, the budget units and the staffing as sentences. */
export function overviewParagraphs(disclosure: TDisclosure): TOverviewSection[] {
  const { overview, meta } = disclosure;
  const name = titleName(disclosure);
  const subordinates = overview.units.filter((u) => u.level === 'subordinate');
  const staffing = overview.staffing;
  const byType = (counts: Record<string, number>): string =>
    Object.entries(counts)
      .map(([type, n]) => `${type}${n}人`)
      .join('，');
  const authorizedTypes = byType(staffing.authorizedByType);
  const actualTypes = byType(staffing.actualByType);
  return [
    { title: '一、部门主要职能', paragraphs: overview.functions },
    {
      title: '二、部门预算单位构成',
      paragraphs: [
        `纳入${name}${meta.fiscalYear}年部门预算编制范围的预算单位包括本级机关及二级预算单位${subordinates.length}个。`,
        `二级预算单位包括：${subordinates.length === 0 ? '无' : subordinates.map((u) => u.name).join('、')}。`,
      ],
    },
    {
      title: '三、部门人员构成',
      paragraphs: [
        `${name}总编制人数${staffing.authorized}人${authorizedTypes ? `，其中：${authorizedTypes}` : ''}。` +
          `在职实有人数${staffing.actual}人${actualTypes ? `，其中：${actualTypes}` : ''}。`,
        `离退休人员${staffing.retired}人。`,
      ],
    },
  ];
}
