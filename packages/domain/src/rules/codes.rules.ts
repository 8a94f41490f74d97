import type { TExpenditureKind, TExpenditureLine } from '../budget/budget-document.schema';
import type { Catalogue, CatalogueList, ClassificationKind, ClassificationLevel } from '../catalogue/catalogue';
import { editionLabel, judgeCode, type CodeVerdict } from '../catalogue/code-verdict';
import type { LineAggregate } from '../derive/line-aggregate';
import type { TFinding } from './finding.schema';
import { defineRules, report, type RuleDefinition } from './rule-definition';

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
      zh: '支出功能分类科目须在该年度目录中；内置目录不完整，其中缺少而上级科目已有的科目只作提示（CODE.FUNCTION_NOT_IN_PARTIAL）',
      en: 'The functional code exists in that year’s catalogue; against a partial shipped edition a code whose parent it holds is a warning instead (CODE.FUNCTION_NOT_IN_PARTIAL)',
    },
    message: {
      zh: '支出功能分类科目 {code} 不在 {year} 年{editionZh}中',
      en: 'functional code {code} is not in the {year} {editionEn}',
    },
  },
  functionNotInPartial: {
    id: 'CODE.FUNCTION_NOT_IN_PARTIAL',
    severity: 'warning',
    description: {
      zh: '内置目录不完整：其中缺少、上级科目已有的功能分类科目须核对并补充名称，或由管理员上传该年度《政府收支分类科目》',
      en: 'A shipped edition is partial: a functional code it lacks under a parent it holds is to be checked and named, or the official catalogue of the year uploaded',
    },
    message: {
      zh: '支出功能分类科目 {code} 不在 {year} 年{editionZh}中，其上级 {parent}（{parentName}）在：请核对该科目并提供其名称，或请管理员上传 {year} 年《政府收支分类科目》',
      en: 'functional code {code} is not in the {year} {editionEn}, its parent {parent} ({parentName}) is: check the code and give its name, or have an administrator upload the official {year} catalogue',
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
      zh: '部门预算支出经济分类科目须在该年度目录中；内置目录不完整，其中缺少而上级科目已有的科目只作提示（CODE.ECONOMIC_NOT_IN_PARTIAL）',
      en: 'The economic code exists in that year’s catalogue; against a partial shipped edition a code whose parent it holds is a warning instead (CODE.ECONOMIC_NOT_IN_PARTIAL)',
    },
    message: {
      zh: '经济分类科目 {code} 不在 {year} 年{editionZh}中',
      en: 'economic code {code} is not in the {year} {editionEn}',
    },
  },
  economicNotInPartial: {
    id: 'CODE.ECONOMIC_NOT_IN_PARTIAL',
    severity: 'warning',
    description: {
      zh: '内置目录不完整：其中缺少、上级科目已有的经济分类科目须核对并补充名称，或由管理员上传该年度《政府收支分类科目》',
      en: 'A shipped edition is partial: an economic code it lacks under a 类 it holds is to be checked and named, or the official catalogue of the year uploaded',
    },
    message: {
      zh: '经济分类科目 {code} 不在 {year} 年{editionZh}中，其上级 {parent}（{parentName}）在：请核对该科目并提供其名称，或请管理员上传 {year} 年《政府收支分类科目》',
      en: 'economic code {code} is not in the {year} {editionEn}, its parent {parent} ({parentName}) is: check the code and give its name, or have an administrator upload the official {year} catalogue',
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
  otherClassification: {
    id: 'CODE.OTHER_CLASSIFICATION',
    severity: 'error',
    description: {
      zh: '功能分类栏须填功能分类科目（2 开头），经济分类栏须填部门预算经济分类科目（3 开头）',
      en: 'The functional column holds a functional code (2…), the economic column a 部门 economic code (3…)',
    },
    message: {
      zh: '{columnZh}填的 {code} 是{listZh}科目',
      en: 'the {columnEn} holds {code}, a code of the {listEn}',
    },
  },
  malformed: {
    id: 'CODE.MALFORMED',
    severity: 'error',
    description: {
      zh: '科目编码须为数字：类 3 位、款 5 位、项 7 位，项以其款开头、款以其类开头',
      en: 'A code is digits: 类 3, 款 5, 项 7, a 项 starting with its 款 and a 款 with its 类',
    },
    message: {
      zh: '{columnZh}的 {code} 不是科目编码',
      en: 'the {columnEn} holds {code}, which is not a classification code',
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

/** How messages name the classification a column or a list is for. */
export const LIST_NAMES: Readonly<Record<CatalogueList, { zh: string; en: string }>> = {
  functional: { zh: '支出功能分类', en: 'functional classification' },
  economic: { zh: '部门预算支出经济分类', en: '部门 economic classification' },
  'government-economic': { zh: '政府预算支出经济分类', en: '政府 economic classification' },
};

/** One verdict per distinct code: 100,000 lines use a few hundred codes. */
function verdictFor(cache: Map<string, CodeVerdict>, catalogue: Catalogue, check: LineCheck, code: string): CodeVerdict {
  let verdict = cache.get(code);
  if (verdict === undefined) {
    verdict = judgeCode(catalogue, check.list, code, check.level);
    cache.set(code, verdict);
  }
  return verdict;
}

interface LineCheck {
  field: 'functionCode' | 'economicCode';
  list: ClassificationKind;
  level: ClassificationLevel;
  unknown: RuleDefinition;
  notInPartial: RuleDefinition;
  wrongLevel: RuleDefinition;
}

const LINE_CHECKS: readonly LineCheck[] = [
  {
    field: 'functionCode',
    list: 'functional',
    level: 'item',
    unknown: CODE_RULES.unknownFunction,
    notInPartial: CODE_RULES.functionNotInPartial,
    wrongLevel: CODE_RULES.functionLevel,
  },
  {
    field: 'economicCode',
    list: 'economic',
    level: 'section',
    unknown: CODE_RULES.unknownEconomic,
    notInPartial: CODE_RULES.economicNotInPartial,
    wrongLevel: CODE_RULES.economicLevel,
  },
];

/** The finding a code's verdict calls for on a line, if any. */
function codeFinding(verdict: CodeVerdict, check: LineCheck, line: TExpenditureLine, catalogue: Catalogue, year: number): TFinding | undefined {
  const at = { kind: 'line', lineId: line.id, field: check.field } as const;
  const code = line[check.field];
  const column = { columnZh: `${LIST_NAMES[check.list].zh}栏`, columnEn: `${LIST_NAMES[check.list].en} column` };
  switch (verdict.verdict) {
    case 'ok':
      return undefined;
    case 'malformed':
      return report(CODE_RULES.malformed, at, { ...column, code });
    case 'other-list':
      return report(CODE_RULES.otherClassification, at, { ...column, code, listZh: LIST_NAMES[verdict.list].zh, listEn: LIST_NAMES[verdict.list].en });
    case 'wrong-level':
      return report(check.wrongLevel, at, { code, year });
    case 'missing-from-partial':
      return report(check.notInPartial, at, { code, year, ...editionLabel(catalogue), parent: verdict.parent.code, parentName: verdict.parent.name });
    case 'unknown':
      return report(check.unknown, at, { code, year, ...editionLabel(catalogue) });
  }
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
  const [functionalCheck, economicCheck] = LINE_CHECKS as [LineCheck, LineCheck];
  const functional = new Map<string, CodeVerdict>();
  const economic = new Map<string, CodeVerdict>();
  for (const cell of aggregate.byFunction) {
    if (verdictFor(functional, catalogue, functionalCheck, cell.functionCode).verdict !== 'ok') return false;
  }
  for (const cell of aggregate.byEconomic) {
    if (verdictFor(economic, catalogue, economicCheck, cell.economicCode).verdict !== 'ok') return false;
    if (cell.kind !== 'project' && !PLAUSIBLE_CLASSES[cell.kind].includes(cell.economicCode.slice(0, 3))) return false;
  }
  return true;
}

/**
 * Functional 项 and economic 款 of every line against the year's edition, and the plausibility of
 * the economic 类 for the kind of a basic line. A code the edition lacks is an error against a
 * complete edition, and against a partial (shipped) one when its parent is missing too; under a
 * known parent a partial edition's gap is a warning asking for the name. Given the lines'
 * aggregate, the codes are checked once each, and the lines are read only when one fails.
 */
export function checkCodes(
  lines: readonly TExpenditureLine[],
  catalogue: Catalogue,
  year: number,
  aggregate?: LineAggregate,
): TFinding[] {
  if (aggregate !== undefined && allCodesPass(aggregate, catalogue)) return [];
  const findings: TFinding[] = [];
  const verdicts = LINE_CHECKS.map(() => new Map<string, CodeVerdict>());
  for (const line of lines) {
    let economicKnown = false;
    LINE_CHECKS.forEach((check, i) => {
      const verdict = verdictFor(verdicts[i]!, catalogue, check, line[check.field]);
      if (check.list === 'economic') economicKnown = verdict.verdict === 'ok' || verdict.verdict === 'missing-from-partial';
      const finding = codeFinding(verdict, check, line, catalogue, year);
      if (finding) findings.push(finding);
    });
    // The 类 of a code that is no 部门 economic code says nothing about the kind of cost.
    const plausibility = economicKnown ? kindFinding(line, catalogue) : undefined;
    if (plausibility) findings.push(plausibility);
  }
  return findings;
}
