import type { TBudgetDocument, TExpenditureLine } from '../budget/budget-document.schema';
import { formatYuan, MAX_BUDGET_YUAN, parseFen, sumFenExact } from '../money/fen';
import type { LineAggregate } from '../derive/line-aggregate';
import type { TFinding } from './finding.schema';
import type { DocumentIndex } from './document-index';
import { defineRules, report, type FindingParams, type RuleDefinition } from './rule-definition';

export const LINE_RULES = defineRules('lines', 'document', {
  duplicateLineId: {
    id: 'LINE.DUPLICATE_ID',
    severity: 'error',
    description: { zh: '支出明细的编号不得重复', en: 'Expenditure line ids are unique' },
    message: { zh: '支出明细编号 {id} 重复出现', en: 'expenditure line id {id} is used more than once' },
  },
  duplicateIncomeId: {
    id: 'INCOME.DUPLICATE_ID',
    severity: 'error',
    description: { zh: '收入明细的编号不得重复', en: 'Income line ids are unique' },
    message: { zh: '收入明细编号 {id} 重复出现', en: 'income line id {id} is used more than once' },
  },
  duplicateUnit: {
    id: 'UNIT.DUPLICATE_CODE',
    severity: 'error',
    description: { zh: '预算单位编码不得重复', en: 'Budget unit codes are unique within the department' },
    message: { zh: '预算单位编码 {code} 重复出现', en: 'budget unit code {code} is listed more than once' },
  },
  unknownUnit: {
    id: 'LINE.UNKNOWN_UNIT',
    severity: 'error',
    description: {
      zh: '支出明细的预算单位须属于本部门',
      en: 'The budget unit of an expenditure line belongs to the department',
    },
    message: {
      zh: '预算单位 {code} 不是本部门的预算单位',
      en: 'budget unit {code} is not one of the department’s budget units',
    },
  },
  projectMissing: {
    id: 'LINE.PROJECT_MISSING',
    severity: 'error',
    description: { zh: '项目支出明细须注明所属项目', en: 'A project expenditure line names its project' },
    message: { zh: '项目支出明细未注明所属项目', en: 'a project expenditure line without a project' },
  },
  projectUnknown: {
    id: 'LINE.PROJECT_UNKNOWN',
    severity: 'error',
    description: { zh: '支出明细所属项目须存在', en: 'The project of an expenditure line exists' },
    message: { zh: '项目 {projectId} 不存在', en: 'project {projectId} does not exist' },
  },
  projectOnBasic: {
    id: 'LINE.PROJECT_ON_BASIC',
    severity: 'error',
    description: { zh: '基本支出明细不得注明项目', en: 'A basic expenditure line carries no project' },
    message: {
      zh: '基本支出明细（{kind}）注明了项目 {projectId}',
      en: 'a basic expenditure line ({kind}) names project {projectId}',
    },
  },
  budgetTotal: {
    id: 'BUDGET.TOTAL_RANGE',
    severity: 'error',
    description: {
      zh: '一个预算的支出明细、收入明细合计均不超过 10 万亿元',
      en: "A budget's expenditure lines and its income lines each add up to at most 10 trillion 元",
    },
    message: {
      zh: '{sideZh}合计 {total} 元，超过一个预算可容纳的 {max} 元',
      en: '{sideEn} add up to {total} 元, more than the {max} 元 one budget may hold',
    },
  },
});

const TOTAL_SIDES = [
  { path: 'expenditureLines', zh: '支出明细', en: 'the expenditure lines' },
  { path: 'incomeLines', zh: '收入明细', en: 'the income lines' },
] as const;

/**
 * The bound of MAX_BUDGET_YUAN on a budget's two totals, summed exactly in BigInt. The document
 * schema refuses a budget past it; a budget stored before that cannot be derived (its tables
 * would leave the exact range), and this finding is what it shows instead. Given the lines'
 * aggregate (made without leaving the exact range, or it would have thrown), its totals are the
 * sums: no line is read again.
 */
export function checkBudgetTotals(doc: Pick<TBudgetDocument, 'expenditureLines' | 'incomeLines'>, aggregate?: Pick<LineAggregate, 'expenditureTotal' | 'incomeBySource'>): TFinding[] {
  const totals = {
    expenditureLines: () => (aggregate === undefined ? sumFenExact(doc.expenditureLines.map((line) => parseFen(line.amount))) : BigInt(aggregate.expenditureTotal)),
    incomeLines: () => sumFenExact(aggregate === undefined ? doc.incomeLines.map((line) => parseFen(line.amount)) : aggregate.incomeBySource.values()),
  };
  return TOTAL_SIDES.flatMap((side) => {
    const total = totals[side.path]();
    if (total <= MAX_BUDGET_YUAN * 100n) return [];
    const params = { sideZh: side.zh, sideEn: side.en, total: formatYuan(total), max: String(MAX_BUDGET_YUAN) };
    return [report(LINE_RULES.budgetTotal, { kind: 'document', path: side.path }, params)];
  });
}

/** What is wrong with a line's link to its project, if anything: project lines need one, basic lines none. */
function projectLinkProblem(
  line: TExpenditureLine,
  index: DocumentIndex,
): { rule: RuleDefinition; params: FindingParams } | undefined {
  if (line.kind !== 'project') {
    if (line.projectId === undefined) return undefined;
    return { rule: LINE_RULES.projectOnBasic, params: { kind: line.kind, projectId: line.projectId } };
  }
  if (line.projectId === undefined) return { rule: LINE_RULES.projectMissing, params: {} };
  if (index.projectsById.has(line.projectId)) return undefined;
  return { rule: LINE_RULES.projectUnknown, params: { projectId: line.projectId } };
}

/** Positions of the keys an earlier position already had: one hash lookup each (add, then see whether the set grew). */
function repeats(keys: readonly string[]): number[] {
  const seen = new Set<string>();
  const positions: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    const size = seen.size;
    seen.add(keys[i]!);
    if (seen.size === size) positions.push(i);
  }
  return positions;
}

/**
 * Whether some line may name a unit or project that does not exist, or mislink its project: the
 * aggregate says so from the distinct units and projects the lines use, so the lines themselves are
 * only read again to point at the culprits.
 */
function linksNeedLineCheck(index: DocumentIndex): boolean {
  const { aggregate } = index;
  if (aggregate.projectLinkMismatches > 0) return true;
  for (const code of aggregate.unitCodes) if (!index.unitCodes.has(code)) return true;
  for (const id of aggregate.projectLines.keys()) if (!index.projectsById.has(id)) return true;
  return false;
}

/** Ids, budget units and the project link of every line. */
export function checkLines(index: DocumentIndex): TFinding[] {
  const { doc } = index;
  const { units } = doc.department;
  const findings: TFinding[] = [
    ...repeats(units.map((u) => u.code)).map((i) =>
      report(
        LINE_RULES.duplicateUnit,
        { kind: 'document', path: `department.units.${i}.code` },
        { code: units[i]!.code },
      ),
    ),
    ...[
      [LINE_RULES.duplicateIncomeId, doc.incomeLines, repeats(doc.incomeLines.map((l) => l.id))] as const,
      [LINE_RULES.duplicateLineId, doc.expenditureLines, index.aggregate.repeatedLineIds] as const,
    ].flatMap(([rule, lines, positions]) =>
      positions.map((i) => {
        const id = lines[i]!.id;
        return report(rule, { kind: 'line', lineId: id, field: 'id' }, { id });
      }),
    ),
  ];
  if (!linksNeedLineCheck(index)) return findings;
  for (const line of doc.expenditureLines) {
    if (!index.unitCodes.has(line.unitCode)) {
      const at = { kind: 'line', lineId: line.id, field: 'unitCode' } as const;
      findings.push(report(LINE_RULES.unknownUnit, at, { code: line.unitCode }));
    }
    const link = projectLinkProblem(line, index);
    if (link !== undefined) {
      findings.push(report(link.rule, { kind: 'line', lineId: line.id, field: 'projectId' }, link.params));
    }
  }
  return findings;
}
