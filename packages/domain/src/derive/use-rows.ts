import type { TRow } from '../disclosure/disclosure.schema';
import type { TTableRows } from '../templates/template.schema';
import { addMoney, cellsOf, columnsOf, emptyMoney, inFundScope, type Money } from './column-sets';
import type { DeriveContext } from './derive-context';
import { overUnits } from './line-aggregate';
import { amountCell, amountColumn, makeRow, type TableBody } from './table-parts';

/** Expenditure by use: 基本支出, 项目支出 and, apart from it where a template prints it, 单位预留机动经费. */
export interface Uses {
  basic: Money;
  project: Money;
  reserve: Money;
}

/**
 * The lines summed by use, all funds or 财政拨款 only. The reserve is the money of the projects
 * marked `reserve` (a project line like any other), taken out of 项目支出 when `reserve` is asked for.
 */
export function usesOf(ctx: DeriveContext, fiscal: boolean, reserve: boolean): Uses {
  const uses: Uses = { basic: emptyMoney(), project: emptyMoney(), reserve: emptyMoney() };
  for (const c of overUnits(ctx.aggregate).byFunction) {
    if (!fiscal || inFundScope('fiscal', c.family)) addMoney(c.kind === 'project' ? uses.project : uses.basic, c);
  }
  if (!reserve) return uses;
  const reserveProjects = new Set(ctx.doc.projects.filter((p) => p.reserve === true).map((p) => p.id));
  for (const c of ctx.aggregate.byProject) {
    if (!reserveProjects.has(c.projectId) || (fiscal && !inFundScope('fiscal', c.family))) continue;
    addMoney(uses.reserve, { family: c.family, kind: 'project', fen: c.fen });
    addMoney(uses.project, { family: c.family, kind: 'project', fen: -c.fen });
  }
  return uses;
}

/** The rows of a summary's expenditure by use: 一、基本支出, 二、项目支出 (and 三、单位预留机动经费). */
export function useRows(uses: Uses, reserve: boolean, cells: (m: Money) => TRow['cells'], section: string): TRow[] {
  return [
    makeRow('use:basic', '一、基本支出', 0, cells(uses.basic), { section }),
    makeRow('use:project', '二、项目支出', 0, cells(uses.project), { section }),
    ...(reserve ? [makeRow('use:reserve', '三、单位预留机动经费', 0, cells(uses.reserve), { section })] : []),
  ];
}

/** Jiangsu's 支出预算总表: one row of totals, with 单位预留机动经费 and 结转下年资金 where the template prints them. */
export function expenditureTotal(ctx: DeriveContext, rows: Extract<TTableRows, { from: 'expenditure-total' }>): TableBody {
  const uses = usesOf(ctx, false, rows.reserve);
  const total = emptyMoney();
  for (const c of overUnits(ctx.aggregate).byFunction) addMoney(total, c);
  const split = cellsOf(rows.columns, { ...total, project: uses.project.project });
  return {
    layout: 'rows',
    sections: [],
    rowHeader: { nameLabel: '项目' },
    columns: [...columnsOf(rows.columns), ...(rows.reserve ? [amountColumn('reserve', '单位预留机动经费')] : []), ...(rows.carryForward ? [amountColumn('carry-forward', '结转下年资金')] : [])],
    // the row is the table, not a total of rows printed above it
    rows: [
      makeRow('total', '合计', 0, {
        ...split,
        ...(rows.reserve ? { reserve: amountCell(uses.reserve.project) } : {}),
        // no line is carried forward to next year: Budgetflow budgets the year's money only
        ...(rows.carryForward ? { 'carry-forward': null } : {}),
      }),
    ],
    preamble: [],
    blocks: [],
  };
}
