import type { TExpenditureKind, TExpenditureLine } from '../budget/budget-document.schema';
import type { Catalogue, CatalogueEntry, ClassificationLevel } from '../catalogue/catalogue';
import type { LineAggregate } from '../derive/line-aggregate';
import type { TFinding } from './finding.schema';
import { defineRules, report } from './rule-definition';

export const CODE_RULES = defineRules('codes', 'document', {
  noCatalogue: {
    id: 'CODE.NO_CATALOGUE',
    severity: 'error',
    description: {
      zh: '预算年度须有分类科目目录，科目才能核对',
      en: 'A classification catalogue exists for the fiscal year, so that codes can be checked',
    },
    message: { zh: '没有 {year} 年的分类科目目录', en: 'there is no classification catalogue for {year}' },
  },
  unknownFunction: {
    id: 'CODE.UNKNOWN_FUNCTION',
    severity: 'error',
    description: {
      zh: '支出功能分类科目须在该年度目录中',
      en: 'The functional classification code exists in that year’s catalogue',
    },
    message: {
      zh: '支出功能分类科目 {code} 不在 {year} 年目录中',
      en: 'functional code {code} is not in the {year} catalogue',
    },
  },
  functionLevel: {
    id: 'CODE.FUNCTION_LEVEL',
    severity: 'error',
    description: {
      zh: '支出明细的功能分类须细化到项级（7位）',
      en: 'An expenditure line’s functional code is at 项 level (7 digits)',
    },
    message: {
      zh: '支出功能分类科目 {code} 不是项级科目',
      en: 'functional code {code} is not an 项-level (7-digit) code',
    },
  },
  unknownEconomic: {
    id: 'CODE.UNKNOWN_ECONOMIC',
    severity: 'error',
    description: {
      zh: '部门预算支出经济分类科目须在该年度目录中',
      en: 'The economic classification code exists in that year’s catalogue',
    },
    message: {
      zh: '经济分类科目 {code} 不在 {year} 年目录中',
      en: 'economic code {code} is not in the {year} catalogue',
    },
  },
  economicLevel: {
    id: 'CODE.ECONOMIC_LEVEL',
    severity: 'error',
    description: {
      zh: '支出明细的经济分类须细化到款级（5位）',
      en: 'An expenditure line’s economic code is at 款 level (5 digits)',
    },
    message: {
      zh: '经济分类科目 {code} 不是款级科目',
      en: 'economic code {code} is not a 款-level (5-digit) code',
    },
  },
  kindEconomic: {
    id: 'CODE.KIND_ECONOMIC',
    severity: 'warning',
    description: {
      zh: '人员经费通常列 301/303 类，日常公用经费通常列 302/310 类',
      en: 'Personnel costs usually fall in economic 类 301/303, public costs in 302/310',
    },
    message: {
      zh: '{kindZh}列在经济分类 {code}（{className}）下，通常应在 {expected} 类',
      en: '{kindEn} on economic code {code} ({className}); usually in 类 {expected}',
    },
  },
});

/** Economic 类 that each kind of basic expenditure plausibly uses (人员经费 / 日常公用经费). */
const PLAUSIBLE_CLASSES: Record<Exclude<TExpenditureKind, 'project'>, readonly string[]> = {
  'basic-personnel': ['301', '303'], // 工资福利支出, 对个人和家庭的补助
  'basic-public': ['302', '310'], // 商品和服务支出, 资本性支出 (small equipment)
};
const KIND_NAMES = {
  'basic-personnel': { zh: '人员经费', en: 'a personnel cost' },
  'basic-public': { zh: '日常公用经费', en: 'a public cost' },
} as const;

type CodeVerdict = 'ok' | 'unknown' | 'level';

/** One verdict per distinct code: 100,000 lines use a few hundred codes. */
function verdictFor(
  cache: Map<string, CodeVerdict>,
  code: string,
  entries: ReadonlyMap<string, CatalogueEntry>,
  level: ClassificationLevel,
): CodeVerdict {
  let verdict = cache.get(code);
  if (verdict === undefined) {
    const entry = entries.get(code);
    verdict = entry === undefined ? 'unknown' : entry.level === level ? 'ok' : 'level';
    cache.set(code, verdict);
  }
  return verdict;
}

function kindFinding(line: TExpenditureLine, catalogue: Catalogue): TFinding | undefined {
  if (line.kind === 'project') return undefined;
  const expected = PLAUSIBLE_CLASSES[line.kind];
  const classCode = line.economicCode.slice(0, 3);
  if (expected.includes(classCode)) return undefined;
  const className = catalogue.economic.get(classCode)?.name ?? classCode;
  const names = KIND_NAMES[line.kind];
  const params = {
    kindZh: names.zh,
    kindEn: names.en,
    code: line.economicCode,
    className,
    expected: expected.join('/'),
  };
  const at = { kind: 'line', lineId: line.id, field: 'economicCode' } as const;
  return report(CODE_RULES.kindEconomic, at, params, { expected: expected.join('/'), actual: classCode });
}

/** Whether every distinct code and (kind, 款) pair the lines use passes: nothing to point at then. */
function allCodesPass(aggregate: LineAggregate, catalogue: Catalogue): boolean {
  const functional = new Map<string, CodeVerdict>();
  const economic = new Map<string, CodeVerdict>();
  for (const cell of aggregate.byFunction) {
    if (verdictFor(functional, cell.functionCode, catalogue.functional, 'item') !== 'ok') return false;
  }
  for (const cell of aggregate.byEconomic) {
    if (verdictFor(economic, cell.economicCode, catalogue.economic, 'section') !== 'ok') return false;
    if (cell.kind !== 'project' && !PLAUSIBLE_CLASSES[cell.kind].includes(cell.economicCode.slice(0, 3))) return false;
  }
  return true;
}

/**
 * Functional 项 and economic 款 of every line against the year's catalogue, and the plausibility of
 * the economic 类 for the kind of a basic line. Given the lines' aggregate, the codes are checked
 * once each, and the lines are read only when one fails, to point at every line that uses it.
 */
export function checkCodes(
  lines: readonly TExpenditureLine[],
  catalogue: Catalogue,
  year: number,
  aggregate?: LineAggregate,
): TFinding[] {
  if (aggregate !== undefined && allCodesPass(aggregate, catalogue)) return [];
  const findings: TFinding[] = [];
  const checks = [
    {
      field: 'functionCode',
      entries: catalogue.functional,
      level: 'item',
      unknown: CODE_RULES.unknownFunction,
      wrongLevel: CODE_RULES.functionLevel,
    },
    {
      field: 'economicCode',
      entries: catalogue.economic,
      level: 'section',
      unknown: CODE_RULES.unknownEconomic,
      wrongLevel: CODE_RULES.economicLevel,
    },
  ] as const;
  const verdicts = checks.map(() => new Map<string, CodeVerdict>());
  for (const line of lines) {
    for (let i = 0; i < checks.length; i++) {
      const check = checks[i]!;
      const code = line[check.field];
      const verdict = verdictFor(verdicts[i]!, code, check.entries, check.level);
      if (verdict === 'ok') continue;
      const rule = verdict === 'unknown' ? check.unknown : check.wrongLevel;
      findings.push(report(rule, { kind: 'line', lineId: line.id, field: check.field }, { code, year }));
    }
    const plausibility = kindFinding(line, catalogue);
    if (plausibility) findings.push(plausibility);
  }
  return findings;
}
