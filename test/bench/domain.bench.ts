import { Decimal } from 'decimal.js';
import { catalogueForYear, deriveDisclosure, parseFen, sumFen, validateBudget, type Fen, type TBudgetDocument } from '@budgetflow/domain';
import { generateBudget } from '@budgetflow/domain/testing';
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

/**
 * The least any derivation must do: read every amount into 分 and sum it by the keys the tables
 * group on (unit × functional 项 × kind, economic 款 × kind, fund source).
 */
function bareGroupingPass(doc: TBudgetDocument): number {
  const byFunction = new Map<string, number>();
  const byEconomic = new Map<string, number>();
  const bySource = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, fen: number) => map.set(key, (map.get(key) ?? 0) + fen);
  for (const line of doc.expenditureLines) {
    const fen = parseFen(line.amount);
    add(byFunction, `${line.unitCode}|${line.functionCode}|${line.kind}`, fen);
    add(byEconomic, `${line.economicCode}|${line.kind}`, fen);
    add(bySource, line.fundSource, fen);
  }
  return byFunction.size + byEconomic.size + bySource.size;
}

/**
 * Derivation alone, and derivation with the whole rule set (validateBudget derives the disclosure
 * and checks both the document and the disclosure): what the API runs on every save.
 */
function deriveValidateFigures(lines: number, label: string, runs: number): Figure[] {
  const doc = generateBudget({ lines });
  const catalogue = catalogueForYear(doc.fiscalYear);
  const errors = validateBudget(doc, catalogue).filter((f) => f.severity === 'error');
  if (errors.length > 0) throw new Error(`the generated budget has ${errors.length} error(s), e.g. ${errors[0]?.ruleId}`);
  const baselineMs = medianMs(runs, () => bareGroupingPass(doc));
  const deriveMs = medianMs(runs, () => deriveDisclosure(doc, catalogue));
  const disclosure = deriveDisclosure(doc, catalogue);
  const rulesMs = medianMs(runs, () => validateBudget(doc, catalogue, { disclosure }));
  const bothMs = medianMs(runs, () => validateBudget(doc, catalogue));
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

export function run(report: (figure: Figure) => void): Promise<void> {
  sumFigures().forEach(report);
  deriveValidateFigures(10_000, '10k', 7).forEach(report);
  deriveValidateFigures(100_000, '100k', 5).forEach(report);
  return Promise.resolve();
}
