import type { TBudgetDocument, TExplanationTexts } from '@budgetflow/domain';
import type { TTemplateProblem } from './budget-template';
import type { TRowPlaces } from './project-sheets';
import { cleanRows, LIST_OF, refuseRepeats, rowProblem, type TReadLine, type TTemplateColumn } from './template-cells';

/**
 * The typed words of the explanations, one 事项 a row: 变动原因 (why figures changed against last
 * year, per 功能 类 or 项 where the template asks) and 其他说明 (Part 3's other matters and Part 4's
 * 功能科目用途说明). Every figure there derives from the lines; 政府采购 sums the projects' 采购
 * sheet. Words as the editor's forms write them.
 */
type TTextKey = { [K in keyof TExplanationTexts]-?: NonNullable<TExplanationTexts[K]> extends string ? K : never }[keyof TExplanationTexts];
type TCodeKey = Exclude<keyof TExplanationTexts, TTextKey>;

/** A 事项: one text of the document, or texts keyed by 功能 项 (`item`) and 类 (`class`). */
type TTopic = { value: string; name: string } & ({ text: TTextKey } | { item: TCodeKey; class?: TCodeKey });

export interface TTextSheet {
  sheet: string;
  columns: TTemplateColumn[];
  topics: readonly TTopic[];
}

function textSheet(sheet: string, list: string, topics: readonly TTopic[]): TTextSheet {
  return {
    sheet,
    topics,
    columns: [
      { key: 'topic', label: '事项', read: 'choice', choices: topics, list },
      { key: 'code', label: '功能科目', read: 'functionKey', optional: true },
      { key: 'text', label: '内容', optional: true },
    ],
  };
}

const text = (key: TTextKey, name: string): TTopic => ({ value: key, name, text: key });

export const CHANGE_REASONS = textSheet('变动原因', LIST_OF.changeReason, [
  text('noPriorYearReason', '无上年数的原因'),
  text('totalChangeReason', '收支总额变动原因'),
  text('fiscalChangeReason', '财政拨款变动原因'),
  text('generalPublicChangeReason', '一般公共预算支出变动原因'),
  text('threePublicChangeReason', '“三公”经费变动原因'),
  text('operatingCostsChangeReason', '机关运行经费变动原因'),
  text('basicChangeReason', '基本支出变动原因'),
  text('projectChangeReason', '项目支出变动原因'),
  text('governmentFundChangeReason', '政府性基金支出变动原因'),
  { value: 'functionChangeReason', name: '功能科目变动原因', item: 'functionItemChangeReasons', class: 'functionClassChangeReasons' },
]);

export const OTHER_MATTERS = textSheet('其他说明', LIST_OF.otherMatter, [
  text('operatingCostsNote', '机关运行经费说明'),
  text('threePublicUnitsNote', '“三公”经费单位说明'),
  text('assets', '国有资产占有使用情况'),
  text('performanceManagement', '预算绩效管理情况'),
  text('nonTaxRevenue', '非税收入征收预计数'),
  { value: 'functionItemNote', name: '功能科目用途说明', item: 'functionItemNotes' },
]);

/** The explanations' fields a sheet holds (the preview compares each sheet's own). */
export function textFields(sheet: TTextSheet): (keyof TExplanationTexts)[] {
  return sheet.topics.flatMap((t) => ('text' in t ? [t.text] : [t.item, ...(t.class === undefined ? [] : [t.class])]));
}

/** A text the document leaves out (a template's own reason it does not use) has no row; '' has one, to be filled. */
export function textRows(sheet: TTextSheet, doc: TBudgetDocument): Record<string, string>[] {
  const texts = doc.explanations;
  return sheet.topics.flatMap((t) => {
    if ('text' in t) return texts[t.text] === undefined ? [] : [{ topic: t.value, text: texts[t.text]! }];
    return [t.item, t.class].flatMap((key) => Object.entries((key === undefined ? undefined : texts[key]) ?? {}).map(([code, words]) => ({ topic: t.value, code, text: words })));
  });
}

/**
 * The explanations with the sheet's fields as its rows give them: a text without a row is empty
 * (or absent, where the document may leave it out); texts by code without rows are none, absent
 * if they were. The other fields stay as they were.
 */
export function readTexts(sheet: TTextSheet, before: Readonly<Record<string, unknown>>, lines: readonly TReadLine[], problems: TTemplateProblem[], places: TRowPlaces): Record<string, unknown> {
  const [topicColumn, codeColumn] = sheet.columns as [TTemplateColumn, TTemplateColumn];
  refuseRepeats(sheet.sheet, lines, topicColumn, (line) => `${line.values['topic']}|${line.values['code'] ?? ''}`, problems);
  const fields = textFields(sheet);
  const next: Record<string, unknown> = Object.fromEntries(Object.entries(before).filter(([key]) => !fields.includes(key as keyof TExplanationTexts)));
  const place = (path: string, line: TReadLine) => places.set(`explanations.${path}`, { sheet: sheet.sheet, row: line.row, columns: sheet.columns, field: 'text' });
  for (const line of cleanRows(sheet.sheet, lines, problems)) {
    const { topic: value, code, text: words = '' } = line.values;
    const topic = sheet.topics.find((t) => t.value === value)!;
    if ('text' in topic) {
      if (code !== undefined) problems.push(rowProblem(sheet.sheet, line, codeColumn, `「${topic.name}」不分功能科目，请留空`));
      next[topic.text] = words;
      place(topic.text, line);
    } else if (code === undefined) problems.push(rowProblem(sheet.sheet, line, codeColumn, `「${topic.name}」须写明功能科目`));
    else {
      const key = code.length === 3 ? topic.class : topic.item;
      if (key === undefined) {
        problems.push(rowProblem(sheet.sheet, line, codeColumn, `「${topic.name}」须写到项级（7 位）：「${code}」`));
        continue;
      }
      ((next[key] ??= {}) as Record<string, string>)[code] = words;
      place(`${key}.${code}`, line);
    }
  }
  for (const key of fields) if (next[key] === undefined && typeof before[key] === 'object') next[key] = {};
  return next;
}
