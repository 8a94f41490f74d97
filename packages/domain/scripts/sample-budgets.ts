import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FundSource } from '../src/budget/fund-source';
import { formatYuan, type Fen } from '../src/money/fen';
import { rawRows, transcribedTable } from '../src/templates/transcribed/transcribed-tables';
import { ZTranscription, type TTranscription } from '../src/templates/transcribed/transcription.schema';
import { jiangsuLines } from './sample-lines-jiangsu';
import { shanghaiLines } from './sample-lines-shanghai';
import { fenOf, RESERVE_PROJECT } from './sample-lines';

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
