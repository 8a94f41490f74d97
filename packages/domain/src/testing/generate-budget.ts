import { ZBudgetDocument, type TBudgetDocument } from '../budget/budget-document.schema';
import type { FundSource } from '../budget/fund-source';
import { catalogueForYear } from '../catalogue/catalogue-editions';
import { formatYuan, type Fen } from '../money/fen';

export interface GenerateBudgetOptions {
  /** how many expenditure lines */
  lines: number;
  /** the same seed gives the same document */
  seed?: number;
  /** a year with a catalogue edition; codes are drawn from it */
  fiscalYear?: number;
  /** budget units: the department's own level plus `units - 1` second-level units */
  units?: number;
  /**
   * How many projects the project lines are spread over. A real department runs a handful to a few
   * dozen projects (the seed: one) whatever its number of lines, so this does not grow with `lines`.
   */
  projects?: number;
  /**
   * How many functional 项 the department budgets under. A department spends on its own functions
   * (the seed: 8 项), not on every 项 of the catalogue, so lines draw from a pool of this many.
   */
  functionItems?: number;
}

/** Deterministic pseudo-random numbers (mulberry32), so that benches and tests repeat exactly. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Economic 类 a kind of line is drawn from, as the rule set expects them. */
const ECONOMIC_CLASSES_BY_KIND = { 'basic-personnel': ['301', '303'], 'basic-public': ['302'], project: ['302', '310'] } as const;
/** 款 one project's lines draw from (some may repeat): a project's estimate details a handful. */
const PROJECT_SECTIONS = 6;
const FUND_SOURCES_DRAWN: readonly FundSource[] = ['general-budget-appropriation', 'general-budget-appropriation', 'business-income-other', 'other-income'];

/**
 * A large, valid budget document for benchmarks and load tests: balanced per fund source, codes of
 * the year's catalogue at the right levels, projects whose detail, fund sources and procurement
 * agree with their lines. Amounts are whole 分 between 10 元 and 50,000 元.
 */
export function generateBudget(options: GenerateBudgetOptions): TBudgetDocument {
  const { lines, seed = 1, fiscalYear = 2020, units = 10, projects: projectCount = 30, functionItems = 24 } = options;
  const random = randomFrom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const catalogue = catalogueForYear(fiscalYear);
  const allItems = [...catalogue.functional.values()].filter((e) => e.level === 'item').map((e) => e.code);
  const functionCodes = Array.from({ length: Math.min(functionItems, allItems.length) }, () => allItems.splice(Math.floor(random() * allItems.length), 1)[0] as string);
  const economicBy = (classes: readonly string[]) =>
    [...catalogue.economic.values()].filter((e) => e.parentCode !== undefined && classes.includes(e.parentCode)).map((e) => e.code);
  const economicCodes = {
    'basic-personnel': economicBy(ECONOMIC_CLASSES_BY_KIND['basic-personnel']),
    'basic-public': economicBy(ECONOMIC_CLASSES_BY_KIND['basic-public']),
    project: economicBy(ECONOMIC_CLASSES_BY_KIND.project),
  };
  const departmentCode = '900001';
  const unitCodes = Array.from({ length: units }, (_, i) => (i === 0 ? departmentCode : `${departmentCode}${String(i).padStart(3, '0')}`));

  const income = new Map<FundSource, number>();
  const projects = new Map<string, { unitCode: string; functionCode: string; economicCodes: string[]; lines: { economicCode: string; fundSource: FundSource; fen: number }[] }>();
  let projectLines = 0;
  const expenditureLines = Array.from({ length: lines }, (_, i) => {
    const draw = random();
    const kind = draw < 0.4 ? 'basic-personnel' : draw < 0.6 ? 'basic-public' : 'project';
    const fen = 1_000 + Math.floor(random() * 4_999_000);
    const fundSource = pick(FUND_SOURCES_DRAWN);
    const unitCode = pick(unitCodes);
    let economicCode = pick(economicCodes[kind]);
    income.set(fundSource, (income.get(fundSource) ?? 0) + fen);
    let projectId: string | undefined;
    let lineUnit = unitCode;
    let functionCode = pick(functionCodes);
    if (kind === 'project') {
      projectId = `P${String((projectLines++ % projectCount) + 1).padStart(5, '0')}`;
      const project = projects.get(projectId) ?? { unitCode, functionCode, economicCodes: Array.from({ length: PROJECT_SECTIONS }, () => pick(economicCodes.project)), lines: [] };
      // as in practice, a project belongs to one unit, is budgeted under one functional 项 and
      // spends on the few 款 its estimate details (测算明细), not on every 款 of 302 and 310
      economicCode = pick(project.economicCodes);
      project.lines.push({ economicCode, fundSource, fen });
      projects.set(projectId, project);
      lineUnit = project.unitCode;
      functionCode = project.functionCode;
    }
    return {
      id: `L${i + 1}`,
      unitCode: lineUnit,
      functionCode,
      economicCode,
      kind,
      ...(projectId ? { projectId } : {}),
      fundSource,
      amount: formatYuan(fen as Fen),
    };
  });

  return ZBudgetDocument.parse({
    schemaVersion: 1,
    fiscalYear,
    department: {
      code: departmentCode,
      name: '生成的测试部门',
      functions: ['为基准测试生成的部门。'],
      units: unitCodes.map((code, i) => ({ code, name: i === 0 ? '生成的测试部门本级' : `二级单位${i}`, level: i === 0 ? 'self' : 'subordinate' })),
      staffing: { authorized: 10, actual: 10, retired: 0 },
    },
    incomeLines: [...income].map(([source, fen], i) => ({ id: `I${i + 1}`, source, amount: formatYuan(fen as Fen) })),
    expenditureLines,
    projects: [...projects].map(([id, project]) => projectOf(id, project)),
    performance: { annualTarget: '保障部门正常运转。' },
    explanations: { noPriorYearReason: '生成的测试部门没有上年预算。' },
  });
}

function projectOf(id: string, project: { unitCode: string; functionCode: string; economicCodes: readonly string[]; lines: readonly { economicCode: string; fundSource: FundSource; fen: number }[] }) {
  const byEconomic = new Map<string, number>();
  const bySource = new Map<FundSource, number>();
  let total = 0;
  for (const line of project.lines) {
    byEconomic.set(line.economicCode, (byEconomic.get(line.economicCode) ?? 0) + line.fen);
    bySource.set(line.fundSource, (bySource.get(line.fundSource) ?? 0) + line.fen);
    total += line.fen;
  }
  const amount = formatYuan(total as Fen);
  return {
    id,
    name: `项目${id}`,
    unitCode: project.unitCode,
    totalBudget: amount,
    fundSources: [...bySource].map(([source, fen]) => ({ source, amount: formatYuan(fen as Fen) })),
    details: [...byEconomic].map(([economicCode, fen]) => ({ economicCode, amount: formatYuan(fen as Fen) })),
    procurement: [{ item: '政府集中采购目录以外的服务', category: 'services', quantity: '1', amount }],
    overallTarget: '按期完成项目。',
    indicators: [{ level1: '产出指标', level2: '数量指标', name: '完成率', target: '100%', standard: '行业标准' }],
  };
}
