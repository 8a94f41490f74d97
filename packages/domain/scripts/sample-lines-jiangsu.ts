import { catalogueForYear } from '../src/catalogue';
import { parseFen } from '../src/money/fen';
import { transcribedProcurement } from '../src/templates/transcribed/transcribed-rows';
import { transcribedTable } from '../src/templates/transcribed/transcribed-tables';
import type { TTranscription } from '../src/templates/transcribed/transcription.schema';
import { codeAmounts, draftsOf, fenOf, northWestCorner, OTHER_GOODS_AND_SERVICES, RESERVE_PROJECT, sameMarginals, type EconomicColumn, type LineDraft, type Marginal, type SampleProject } from './sample-lines';

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
export function jiangsuLines(s: TTranscription): { drafts: LineDraft[]; projects: SampleProject[] } {
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
