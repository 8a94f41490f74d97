import type { TGlossaryEntry } from '../disclosure/disclosure.schema';
import { nameOf } from './catalogue-names';
import type { DeriveContext } from './derive-context';
import { overUnits } from './line-aggregate';
import { byCode } from './table-parts';

const term = (key: string, name: string, definition: string): TGlossaryEntry => ({ key, term: name, definition, items: [] });

/**
 * 第四部分 名词解释: the fixed terms every disclosure explains, and (七) the functional 项 this
 * budget uses, named 类/款/项 by the budget year's catalogue, each with the department's note.
 */
export function deriveGlossary(ctx: DeriveContext): TGlossaryEntry[] {
  const items = [...new Set(overUnits(ctx.aggregate).byFunction.map((c) => c.functionCode))].sort(byCode).map((code) => ({
    code,
    label:
      `${nameOf(ctx.catalogue, 'functional', code.slice(0, 3))}（类）` +
      `${nameOf(ctx.catalogue, 'functional', code.slice(0, 5))}（款）` +
      `${nameOf(ctx.catalogue, 'functional', code)}（项）`,
    definition: ctx.doc.explanations.functionItemNotes[code] ?? '',
  }));
  return [
    term('general-public-income', '一般公共预算财政拨款收入', '指本级财政一般公共预算当年拨付的资金。'),
    term('government-fund-income', '政府性基金预算财政拨款收入', '指本级财政政府性基金预算当年拨付的资金。'),
    term('other-income', '其他收入', '指除“财政拨款收入”、“事业收入”、“事业单位经营收入”等以外的收入。'),
    term('carryover', '上年结转', '指以前年度尚未完成、结转到本年仍按原规定用途继续使用的资金。'),
    term('basic', '基本支出', '指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。'),
    term('project', '项目支出', '指在基本支出之外为完成特定的行政任务和事业发展目标所发生的支出。'),
    { key: 'function-items', term: '本部门使用的主要支出功能分类科目（项级）', definition: '', items },
    term(
      'three-public',
      '“三公”经费',
      '纳入财政一般公共预算管理的“三公”经费，是指部门用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。' +
        '其中，（1）因公出国（境）费，反映单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、公杂费等支出；' +
        '（2）公务用车购置及运行维护费，反映单位公务用车购置支出（含车辆购置税、牌照费）及燃料费、维修费、过路过桥费、保险费、安全奖励费用等支出；' +
        '（3）公务接待费反映单位按规定开支的各类公务接待（含外宾接待）支出。',
    ),
    term(
      'operating-costs',
      '机关运行经费',
      '为保障行政单位（包括参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、' +
        '专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用等。',
    ),
  ];
}
