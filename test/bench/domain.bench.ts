import { Decimal } from 'decimal.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  catalogueForYear,
  checkDisclosure,
  deriveAndValidate,
  deriveDisclosure,
  FUND_SOURCES,
  parseFen,
  sumFen,
  TEMPLATES,
  validateBudget,
  ZBudgetDocument,
  ZDisclosure,
  type Fen,
  type TBudgetDocument,
} from '@budgetflow/domain';
import { generateBudget, type GenerateBudgetOptions } from '@budgetflow/domain/testing';
import { medianMs, type Figure } from './bench';

/** Integer 分 against decimal.js on a million amounts: the reason sums run in 分. */
function sumFigures(): Figure[] {
  const count = 1_000_000;
  const fen = Array.from({ length: count }, (_, i) => ((i * 7919) % 10_000_000) as Fen);
  const decimals = fen.map((f) => new Decimal(f).dividedBy(100));
  const fenMs = medianMs(9, () => sumFen(fen));
  const decimalMs = medianMs(3, () => decimals.reduce((total, d) => total.plus(d), new Decimal(0)));
  return [
    { name: 'domain.sum-1m.fen', value: fenMs, unit: 'ms', target: { op: '<', value: 50 }, decimals: 2 },
    { name: 'domain.sum-1m.decimal-js', value: decimalMs, unit: 'ms', target: { op: '<', value: 2000 } },
    { name: 'domain.sum-1m.decimal-js-to-fen-ratio', value: decimalMs / fenMs, unit: 'x', target: { op: '>=', value: 10 } },
  ];
}

const KIND_INDEX = new Map<string, number>([
  ['basic-personnel', 0],
  ['basic-public', 1],
  ['project', 2],
]);
const SOURCE_INDEX = new Map<string, number>(FUND_SOURCES.map((source, i) => [source, i]));
const SLOTS = KIND_INDEX.size * SOURCE_INDEX.size;

/** The sums of one (unit, code) pair, one slot per kind × fund source. */
function slotsOf(sums: Map<string, Map<string, number[]>>, unitCode: string, code: string): number[] {
  let byCode = sums.get(unitCode);
  if (byCode === undefined) {
    byCode = new Map();
    sums.set(unitCode, byCode);
  }
  let slots = byCode.get(code);
  if (slots === undefined) {
    slots = new Array<number>(SLOTS).fill(0);
    byCode.set(code, slots);
  }
  return slots;
}

/**
 * The least any derivation must do, and no more: read every amount into 分 and sum it by the five
 * facts of a line the tables group on (unit, functional 项, economic 款, kind, fund source), as the
 * two projections every table is a sum of: (unit, 项) and (unit, 款), each split by kind × fund
 * source. Grouped the way aggregateLines groups (maps nested on the lines' own code strings, no
 * key string built per line), so the ratio measures the derivation's and the rules' extra work.
 */
function bareGroupingPass(doc: TBudgetDocument): number {
  const byFunction = new Map<string, Map<string, number[]>>();
  const byEconomic = new Map<string, Map<string, number[]>>();
  let total = 0;
  for (const line of doc.expenditureLines) {
    const fen = parseFen(line.amount);
    const slot = (KIND_INDEX.get(line.kind) ?? 0) * SOURCE_INDEX.size + (SOURCE_INDEX.get(line.fundSource) ?? 0);
    const f = slotsOf(byFunction, line.unitCode, line.functionCode);
    f[slot] = (f[slot] ?? 0) + fen;
    const e = slotsOf(byEconomic, line.unitCode, line.economicCode);
    e[slot] = (e[slot] ?? 0) + fen;
    total += fen;
  }
  return total;
}

/**
 * Derivation alone, and derivation with the whole rule set (deriveAndValidate: the disclosure and
 * the findings on both the document and the disclosure, the lines read once): what the API runs
 * on every save.
 */
function deriveValidateFigures(label: string, runs: number, shape: GenerateBudgetOptions, template?: string): Figure[] {
  const doc = { ...generateBudget(shape), ...(template === undefined ? {} : { template }) };
  const catalogue = catalogueForYear(doc.fiscalYear);
  const errors = validateBudget(doc, catalogue).filter((f) => f.severity === 'error');
  if (errors.length > 0) throw new Error(`the generated budget has ${errors.length} error(s), e.g. ${errors[0]?.ruleId}`);
  // A server derives on every save, so it runs hot code: the derivation calls most of its
  // functions once per table, and three warm-up calls leave them unoptimised at 10,000 lines.
  for (let i = 0; i < WARM_UP_CALLS; i++) {
    bareGroupingPass(doc);
    deriveAndValidate(doc, catalogue);
  }
  const deriveMs = medianMs(runs, () => deriveDisclosure(doc, catalogue));
  const disclosure = deriveDisclosure(doc, catalogue);
  const rulesMs = medianMs(runs, () => validateBudget(doc, catalogue, { disclosure }));
  const [baselineMs, bothMs] = pairedMediansMs(runs, () => bareGroupingPass(doc), () => deriveAndValidate(doc, catalogue));
  // The target: a budget of up to 100,000 lines derives and validates in under a second.
  return [
    { name: `domain.grouping-pass.${label}`, value: baselineMs, unit: 'ms', target: { op: '<', value: 1000 } },
    { name: `domain.derive.${label}`, value: deriveMs, unit: 'ms', target: { op: '<', value: 1000 } },
    // the rule set alone, on the document and its already derived disclosure: where the rest goes
    { name: `domain.rules.${label}`, value: rulesMs, unit: 'ms', target: { op: '<', value: 1000 } },
    { name: `domain.derive-validate.${label}`, value: bothMs, unit: 'ms', target: { op: '<', value: 1000 } },
    { name: `domain.derive-validate.${label}.ratio-to-grouping`, value: bothMs / baselineMs, unit: 'x', target: { op: '<=', value: 3 } },
  ];
}

const WARM_UP_CALLS = 30;

/**
 * Medians of two functions timed turn about, so that the load other engineers put on the shared
 * machine weighs on both alike and their ratio stays fair.
 */
function pairedMediansMs(runs: number, a: () => unknown, b: () => unknown): [number, number] {
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    [a, b].forEach((fn, k) => {
      const start = process.hrtime.bigint();
      fn();
      times[k]?.push(Number(process.hrtime.bigint() - start) / 1e6);
    });
  }
  const median = (values: number[]) => values.sort((x, y) => x - y)[Math.floor(values.length / 2)] ?? Number.NaN;
  return [median(times[0]), median(times[1])];
}

/**
 * The checker on a disclosure alone, as `pnpm budget check` runs it: the seed's, once and a hundred
 * times in one process (a district's disclosures checked in one go).
 */
function checkFigures(): Figure[] {
  const seed = ZBudgetDocument.parse(JSON.parse(readFileSync(join(__dirname, '../../packages/domain/fixtures/qiaokou-bigdata-2020.json'), 'utf8')));
  const json = JSON.stringify(deriveDisclosure(seed, catalogueForYear(seed.fiscalYear)));
  const checkOne = () => checkDisclosure(ZDisclosure.parse(JSON.parse(json)));
  for (let i = 0; i < WARM_UP_CALLS; i++) checkOne();
  const oneMs = medianMs(31, checkOne);
  const hundredMs = medianMs(5, () => {
    for (let i = 0; i < 100; i++) checkOne();
  });
  return [
    { name: 'domain.check.seed', value: oneMs, unit: 'ms', target: { op: '<=', value: 5 }, decimals: 2 },
    { name: 'domain.check.100-disclosures', value: hundredMs, unit: 'ms', target: { op: '<=', value: 1000 } },
  ];
}

export function run(report: (figure: Figure) => void): Promise<void> {
  sumFigures().forEach(report);
  checkFigures().forEach(report);
  // Every template derives and checks its own tables from the same lines: each within 3x the pass.
  for (const template of TEMPLATES.filter((t) => t.id !== 'hubei-2020')) {
    deriveValidateFigures(`10k.${template.id}`, 15, { lines: 10_000 }, template.id).forEach(report);
    deriveValidateFigures(`100k.${template.id}`, 5, { lines: 100_000 }, template.id).forEach(report);
  }
  deriveValidateFigures('10k', 15, { lines: 10_000 }).forEach(report);
  deriveValidateFigures('100k', 7, { lines: 100_000 }).forEach(report);
  // The same lines spread wide: 1,600 projects (each a 表10 form of its own) over every 项 of the
  // catalogue. Not a typical department, but what the figures above would hide.
  deriveValidateFigures('100k-wide', 5, { lines: 100_000, projects: 1_600, functionItems: 1_000 }).forEach(report);
  return Promise.resolve();
}
