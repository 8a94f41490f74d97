import type { TFinding } from './finding.schema';
import type { DocumentIndex } from './document-index';
import { defineRules, report } from './rule-definition';

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
});

/** Ids, budget units and the project link of every line. */
export function checkLines(index: DocumentIndex): TFinding[] {
  const findings: TFinding[] = [];
  const { doc } = index;

  const seenUnits = new Set<string>();
  doc.department.units.forEach((unit, i) => {
    if (seenUnits.has(unit.code)) {
      findings.push(
        report(
          LINE_RULES.duplicateUnit,
          { kind: 'document', path: `department.units.${i}.code` },
          { code: unit.code },
        ),
      );
    }
    seenUnits.add(unit.code);
  });

  const seenIncome = new Set<string>();
  for (const line of doc.incomeLines) {
    if (seenIncome.has(line.id)) {
      findings.push(
        report(LINE_RULES.duplicateIncomeId, { kind: 'line', lineId: line.id, field: 'id' }, { id: line.id }),
      );
    }
    seenIncome.add(line.id);
  }

  const seen = new Set<string>();
  for (const line of doc.expenditureLines) {
    if (seen.has(line.id)) {
      findings.push(
        report(LINE_RULES.duplicateLineId, { kind: 'line', lineId: line.id, field: 'id' }, { id: line.id }),
      );
    }
    seen.add(line.id);
    if (!index.unitCodes.has(line.unitCode)) {
      findings.push(
        report(
          LINE_RULES.unknownUnit,
          { kind: 'line', lineId: line.id, field: 'unitCode' },
          { code: line.unitCode },
        ),
      );
    }
    const where = () => ({ kind: 'line', lineId: line.id, field: 'projectId' }) as const;
    if (line.kind === 'project') {
      if (line.projectId === undefined) findings.push(report(LINE_RULES.projectMissing, where()));
      else if (!index.projectsById.has(line.projectId)) {
        findings.push(report(LINE_RULES.projectUnknown, where(), { projectId: line.projectId }));
      }
    } else if (line.projectId !== undefined) {
      findings.push(
        report(LINE_RULES.projectOnBasic, where(), { kind: line.kind, projectId: line.projectId }),
      );
    }
  }
  return findings;
}
