import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FundSource } from '../src/budget/fund-source';
import type { TExpenditureKind } from '../src/budget/budget-document.schema';
import { catalogueForYear } from '../src/catalogue';
import { formatYuan, parseFen, type Fen } from '../src/money/fen';
import { transcribedProcurement } from '../src/templates/transcribed/transcribed-rows';
import { printedFen } from '../src/templates/transcribed/printed-amount';
import { rawRows, transcribedTable } from '../src/templates/transcribed/transcribed-tables';
import { ZTranscription, type TPrinted, type TTranscription } from '../src/templates/transcribed/transcription.schema';

/**
 * Budget documents whose lines reproduce the tables of the public samples (fixtures/samples/*
 * .transcribed.json). A sample prints marginals only: each 功能 项 by 基本/项目 (and by fund), each
 * economic 款 by 人员/公用, the 三公 and, in Shanghai's 单位 version, each 功能 类 by 人员/公用. The
 * lines are the north-west-corner pairing of those marginals, so every printed sum holds exactly
 * and the same sample always gives the same lines. Regenerate with `pnpm tsx
 * packages/domain/scripts/write-sample-fixtures.ts`; samples.spec.ts checks the committed files.
 */

export const SAMPLES_DIR = join(__dirname, '../fixtures/samples');

export const SAMPLES = [
  { name: 'sh_putuo_commerce_2025_dept_budget', template: 'shanghai-district' },
  { name: 'sh_putuo_commerce_2025_unit_budget', template: 'shanghai-district' },
  { name: 'js_npc_standing_committee_office_2019_dept_budget', template: 'jiangsu-province' },
] as const;
export type SampleName = (typeof SAMPLES)[number]['name'];

export function readTranscription(name: string): TTranscription {
  return ZTranscription.parse(JSON.parse(readFileSync(join(SAMPLES_DIR, `${name}.transcribed.json`), 'utf8')));
}

/** The one budget unit of a sample: the department itself, a 行政单位 (its 公用经费 is 机关运行经费). */
const UNIT = '001';
/** Project lines of a sample whose project spending is not printed by economic 款: 其他商品和服务支出. */
const OTHER_GOODS_AND_SERVICES = '30299';
const RESERVE_PROJECT = 'reserve';

interface Marginal<K> {
  key: K;
  fen: number;
}

/**
 * North-west-corner rule: cells of a table whose row and column sums are given (and equal in
 * total), filled from the top left, so that every row and every column adds up exactly.
 */
export function northWestCorner<R, C>(rows: readonly Marginal<R>[], columns: readonly Marginal<C>[]): { row: R; column: C; fen: number }[] {
  const rs = rows.filter((r) => r.fen > 0);
  const cs = columns.filter((c) => c.fen > 0);
  const sum = (ms: readonly Marginal<unknown>[]) => ms.reduce((s, m) => s + m.fen, 0);
  if (sum(rs) !== sum(cs)) throw new Error(`marginals differ: rows ${sum(rs)} 分, columns ${sum(cs)} 分`);
  const cells: { row: R; column: C; fen: number }[] = [];
  let i = 0;
  let j = 0;
  let rowLeft = rs[0]?.fen ?? 0;
  let columnLeft = cs[0]?.fen ?? 0;
  while (i < rs.length && j < cs.length) {
    const fen = Math.min(rowLeft, columnLeft);
    cells.push({ row: rs[i]!.key, column: cs[j]!.key, fen });
    rowLeft -= fen;
    columnLeft -= fen;
    if (rowLeft === 0) rowLeft = rs[++i]?.fen ?? 0;
    if (columnLeft === 0) columnLeft = cs[++j]?.fen ?? 0;
  }
  return cells;
}

interface EconomicColumn {
  code: string;
  kind: TExpenditureKind;
  /** the project the lines belong to; absent: one project per 功能 项 */
  project?: string;
}

interface LineDraft {
  functionCode: string;
  economicCode: string;
  kind: TExpenditureKind;
  projectId?: string;
  fen: number;
}

const fenOf = (value: TPrinted | undefined, unit: string): number => printedFen(value, unit) ?? 0;
const projectOf = (functionCode: string) => `P-${functionCode}`;

function draftsOf(cells: { row: string; column: EconomicColumn; fen: number }[]): LineDraft[] {
  return cells.map(({ row, column, fen }) => ({
    functionCode: row,
    economicCode: column.code,
    kind: column.kind,
    ...(column.kind === 'project' ? { projectId: column.project ?? projectOf(row) } : {}),
    fen,
  }));
}

/** Code rows of a level, with the amount of one printed column (or of the only one). */
function codeAmounts(s: TTranscription, id: string, level: '类' | '款' | '项', column?: string): Marginal<string>[] {
  const t = transcribedTable(s, id);
  return (t.rows ?? []).filter((r) => r.level === level).map((r) => ({ key: r.code, fen: fenOf(column === undefined ? r.amount : r.amounts?.[column], t.unit) }));
}

function sameMarginals(what: string, a: readonly Marginal<string>[], b: readonly Marginal<string>[]): void {
  const text = (ms: readonly Marginal<string>[]) => ms.filter((m) => m.fen !== 0).map((m) => `${m.key}=${m.fen}`).join(' ');
  if (text(a) !== text(b)) throw new Error(`${what}: the sample's tables differ (${text(a)} / ${text(b)}); its lines cannot reproduce both`);
}

/**
 * Shanghai: 项 × 基本/项目 from 表3 (all 一般公共预算: 表5 equals it, 表6 and 表7 are empty), 基本
 * by 款 × 人员/公用 from 表8; the 单位 version's 表1 splits each 类's 基本 into 人员/公用, which the
 * pairing keeps (per 类 first, then per 款). Project lines are booked on 其他商品和服务支出: the
 * sample prints no economic breakdown of projects, and none of its 三公 is project money.
 */
function shanghaiLines(s: TTranscription): LineDraft[] {
  for (const id of ['T6', 'T7']) if ((transcribedTable(s, id).rows ?? []).length > 0) throw new Error(`${id}: government-fund and SOE lines are not supported`);
  const basic = codeAmounts(s, 'T3', '项', '基本支出');
  const project = codeAmounts(s, 'T3', '项', '项目支出');
  sameMarginals('表3/表5 基本支出', basic, codeAmounts(s, 'T5', '项', '基本支出'));
  sameMarginals('表3/表5 项目支出', project, codeAmounts(s, 'T5', '项', '项目支出'));
  const personnel = codeAmounts(s, 'T8', '款', '人员经费');
  const pub = codeAmounts(s, 'T8', '款', '公用经费');
  // 基本 of each 项 split into 人员/公用: per 类 where 表1 prints the split, else over the whole.
  const t1 = transcribedTable(s, 'T1');
  const classes = codeAmounts(s, 'T3', '类', '合计');
  const bySplit = (t1.expenditure ?? []).map((row, i) => ({ code: classes[i]?.key ?? '', amounts: row.amounts }));
  const split = bySplit.every((c) => '基本支出_人员经费' in c.amounts)
    ? bySplit.map((c) => ({
        items: basic.filter((b) => b.key.startsWith(c.code)),
        personnel: fenOf(c.amounts['基本支出_人员经费'], t1.unit),
        public: fenOf(c.amounts['基本支出_公用经费'], t1.unit),
      }))
    : [{ items: basic, personnel: personnel.reduce((n, m) => n + m.fen, 0), public: pub.reduce((n, m) => n + m.fen, 0) }];
  const personnelOfItem: Marginal<string>[] = [];
  const publicOfItem: Marginal<string>[] = [];
  for (const group of split) {
    for (const cell of northWestCorner(group.items, [
      { key: 'personnel', fen: group.personnel },
      { key: 'public', fen: group.public },
    ])) {
      (cell.column === 'personnel' ? personnelOfItem : publicOfItem).push({ key: cell.row, fen: cell.fen });
    }
  }
  const column = (kind: TExpenditureKind) => (m: Marginal<string>) => ({ key: { code: m.key, kind }, fen: m.fen });
  return [
    ...draftsOf(northWestCorner(personnelOfItem, personnel.map(column('basic-personnel')))),
    ...draftsOf(northWestCorner(publicOfItem, pub.map(column('basic-public')))),
    ...draftsOf(project.map((p) => ({ row: p.key, column: { code: OTHER_GOODS_AND_SERVICES, kind: 'project' as const }, fen: p.fen })).filter((c) => c.fen > 0)),
  ];
}

/** Jiangsu's 三公、会议费、培训费 columns and the economic 款 each is booked on. */
const JIANGSU_EXTRA_CODES: readonly [string, string][] = [
  ['因公出国(境)费', '30212'],
  ['公务接待费', '30217'],
  ['公务用车购置费', '31013'],
  ['公务用车运行维护费', '30231'],
  ['会议费', '30215'],
  ['培训费', '30216'],
];

/**
 * Jiangsu: 项 amounts from 公开表五 (all 一般公共预算: 公开表七 equals it), 基本 by 款 from 公开表六
 * (公用经费 the 款 of 公开表十一, 机关运行经费; 人员经费 the rest), 项目支出 and 单位预留机动经费 from
 * 公开表一. The 三公/会议费/培训费 that 基本支出 does not hold are project money on their 款; the
 * rest of the projects is booked on 其他商品和服务支出, and so is the reserve: project lines of a
 * project marked `reserve`, named 单位预留机动经费.
 */
function jiangsuLines(s: TTranscription): { drafts: LineDraft[]; projects: SampleProject[] } {
  const items = codeAmounts(s, 'T05', '项');
  sameMarginals('公开表五/公开表七', items, codeAmounts(s, 'T08', '项'));
  const basic = codeAmounts(s, 'T06', '款');
  sameMarginals('公开表六/公开表八', basic, codeAmounts(s, 'T09', '款'));
  const operating = new Set(codeAmounts(s, 'T10', '款').map((m) => m.key));
  const t01 = transcribedTable(s, 'T01');
  const use = (name: string) => fenOf(t01.expenditure_by_use?.find((r) => r.name.endsWith(name))?.amount, t01.unit);
  const t11 = transcribedTable(s, 'T11');
  const basicOf = (code: string) => basic.find((b) => b.key === code)?.fen ?? 0;
  const projectColumns: Marginal<EconomicColumn>[] = JIANGSU_EXTRA_CODES.map(([label, code]) => ({
    key: { code, kind: 'project' as const },
    fen: fenOf(t11.values?.[label], t11.unit) - basicOf(code),
  }));
  const rest: Marginal<EconomicColumn> = { key: { code: OTHER_GOODS_AND_SERVICES, kind: 'project' }, fen: use('项目支出') - projectColumns.reduce((n, c) => n + c.fen, 0) };
  // 公开表十二's 专项 are projects of their own, their money taken from the project money of the
  // 款 they are booked on; one bought from 基本支出 (交通运行费: all 公务用车运行维护费 is 基本) cannot
  // be, as procurement is a project's
  const projects: SampleProject[] = [];
  const specialColumns: Marginal<EconomicColumn>[] = [];
  for (const p of procurementProjects(s)) {
    const pool = projectColumns.find((c) => c.key.code === p.code) ?? rest;
    if (pool.fen < p.fen) continue;
    pool.fen -= p.fen;
    projects.push(p);
    specialColumns.push({ key: { code: p.code, kind: 'project', project: p.id }, fen: p.fen });
  }
  const columns: Marginal<EconomicColumn>[] = [
    ...basic.map((b) => ({ key: { code: b.key, kind: operating.has(b.key) ? ('basic-public' as const) : ('basic-personnel' as const) }, fen: b.fen })),
    ...specialColumns,
    ...projectColumns,
    rest,
    { key: { code: OTHER_GOODS_AND_SERVICES, kind: 'project', project: RESERVE_PROJECT }, fen: use('单位预留机动经费') },
  ];
  return { drafts: draftsOf(northWestCorner(items, columns)), projects };
}

/** A project a sample prints by name (Jiangsu's 专项), with its purchases. */
interface SampleProject {
  id: string;
  name: string;
  /** the 经济科目 its purchases are booked on */
  code: string;
  fen: number;
  procurement: Record<string, string>[];
}

const CATEGORY_OF: readonly [string, string][] = [
  ['货物', 'goods'],
  ['工程', 'works'],
  ['服务', 'services'],
];

/** The 专项 of 公开表十二 with their purchases, each 经济科目 the catalogue's code of the printed name. */
function procurementProjects(s: TTranscription): SampleProject[] {
  const economic = new Map([...catalogueForYear(s.year).economic.values()].filter((e) => e.code.length === 5).map((e) => [e.name, e.code]));
  const projects: SampleProject[] = [];
  let category = '';
  for (const row of transcribedProcurement(transcribedTable(s, 'T12')).rows) {
    const cell = (key: string) => row.cells[key] ?? '';
    if (row.level === 0) category = CATEGORY_OF.find(([name]) => row.name.includes(name))?.[1] ?? '';
    if (row.level === 1) {
      const code = economic.get(cell('economic'));
      if (code === undefined) throw new Error(`公开表十二: no economic 款 named "${cell('economic')}"`);
      projects.push({ id: `S${projects.length + 1}`, name: cell('project'), code, fen: parseFen(cell('amount')), procurement: [] });
    }
    const project = projects.at(-1);
    if (row.level === 2 && project !== undefined) {
      project.procurement.push({ item: cell('item'), category, amount: cell('amount'), economicCode: project.code, method: cell('method') });
    }
  }
  return projects;
}

/** Income by source, from the summary's (Shanghai) or the income table's (Jiangsu) rows. */
const INCOME_SOURCES: readonly [RegExp, FundSource][] = [
  [/一般公共预算资金$|公共财政拨款\(补助\)资金$/, 'general-budget-appropriation'],
  [/专项收入$/, 'other-nontax-appropriation'],
  [/政府性基金$/, 'government-fund-appropriation'],
  [/国有资本经营预算$/, 'soe-capital-appropriation'],
  [/事业收入$/, 'business-income-other'],
  [/事业单位经营收入$|^经营收入$/, 'operating-income'],
  [/其他收入$/, 'other-income'],
];

function incomeOf(s: TTranscription, jiangsu: boolean): Map<FundSource, number> {
  const named: { name: string; fen: number }[] = [];
  if (jiangsu) {
    const t02 = transcribedTable(s, 'T02');
    // headings (小计) sum their items
    for (const row of rawRows(t02)) if (row.level === 1) named.push({ name: row.name, fen: fenOf(row.amount, t02.unit) });
  } else {
    const t1 = transcribedTable(s, 'T1');
    for (const row of t1.income ?? []) named.push({ name: row.name, fen: fenOf(row.amount, t1.unit) });
  }
  const income = new Map<FundSource, number>();
  for (const { name, fen } of named) {
    const source = INCOME_SOURCES.find(([pattern]) => pattern.test(name))?.[1];
    if (source === undefined) {
      if (fen !== 0 && !name.includes('财政拨款收入')) throw new Error(`income row "${name}": no fund source for it`);
      continue;
    }
    if (fen !== 0) income.set(source, (income.get(source) ?? 0) + fen);
  }
  return income;
}

/** The budget document (schema version 1, as input) whose lines reproduce a sample's tables. */
export function sampleBudget(name: SampleName): Record<string, unknown> {
  const sample = SAMPLES.find((x) => x.name === name)!;
  const s = readTranscription(name);
  const jiangsu = sample.template === 'jiangsu-province';
  const { drafts, projects: named } = jiangsu ? jiangsuLines(s) : { drafts: shanghaiLines(s), projects: [] };
  const income = incomeOf(s, jiangsu);
  const lineTotal = drafts.reduce((n, d) => n + d.fen, 0);
  const incomeTotal = [...income.values()].reduce((n, f) => n + f, 0);
  if (lineTotal !== incomeTotal) throw new Error(`${name}: lines ${lineTotal} 分, income ${incomeTotal} 分`);
  const projects = new Map<string, string>();
  const itemNames = new Map(Object.values(s.tables).flatMap((t) => (t.rows ?? []).map((r) => [r.code, r.name] as const)));
  for (const d of drafts) {
    // the sample's own projects (专项, 单位预留机动经费), else one per 功能 项, named as the sample names the 项
    if (d.projectId === undefined || projects.has(d.projectId)) continue;
    const name = named.find((p) => p.id === d.projectId)?.name ?? (d.projectId === RESERVE_PROJECT ? '单位预留机动经费' : (itemNames.get(d.functionCode) ?? d.functionCode));
    projects.set(d.projectId, name);
  }
  const yuan = (fen: number) => formatYuan(fen as Fen);
  return {
    schemaVersion: 1,
    fiscalYear: s.year,
    template: sample.template,
    ...(s.scope === '单位预算' ? { scope: 'unit' } : {}),
    department: {
      code: UNIT,
      name: s.department,
      units: [{ code: UNIT, name: s.department, level: 'self', category: 'administrative' }],
      staffing: { authorized: 0, actual: 0, retired: 0 },
    },
    incomeLines: [...income].map(([source, fen], i) => ({ id: `I${i + 1}`, source, amount: yuan(fen) })),
    expenditureLines: drafts.map((d, i) => ({
      id: `L${String(i + 1).padStart(3, '0')}`,
      unitCode: UNIT,
      functionCode: d.functionCode,
      economicCode: d.economicCode,
      kind: d.kind,
      ...(d.projectId === undefined ? {} : { projectId: d.projectId }),
      fundSource: 'general-budget-appropriation',
      amount: yuan(d.fen),
    })),
    projects: [...projects].map(([id, projectName]) => {
      const amount = drafts.filter((d) => d.projectId === id).reduce((n, d) => n + d.fen, 0);
      const reserve = id === RESERVE_PROJECT ? { reserve: true } : {};
      const procurement = named.find((p) => p.id === id)?.procurement ?? [];
      return { id, name: projectName, unitCode: UNIT, ...reserve, fundSources: [{ source: 'general-budget-appropriation', amount: yuan(amount) }], procurement };
    }),
  };
}

/** The committed text of a sample's budget fixture. */
export function renderSampleBudget(name: SampleName): string {
  return `${JSON.stringify(sampleBudget(name), null, 2)}\n`;
}
