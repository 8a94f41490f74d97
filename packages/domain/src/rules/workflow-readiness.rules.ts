import type { TFinding } from './finding.schema';
import type { DocumentIndex } from './document-index';
import { projectLocation } from './locations';
import { defineRules, report } from './rule-definition';

/** What a document needs before it is worth a reviewer's time: the parts the disclosure prints. */
export const READINESS_RULES = defineRules('workflow-readiness', 'document', {
  noExpenditure: {
    id: 'READY.NO_EXPENDITURE',
    severity: 'error',
    description: { zh: '预算至少有一条支出明细', en: 'A budget has at least one expenditure line' },
    message: { zh: '预算没有任何支出明细', en: 'the budget has no expenditure lines' },
  },
  noSelfUnit: {
    id: 'READY.NO_SELF_UNIT',
    severity: 'error',
    description: {
      zh: '部门预算单位中须有本级',
      en: 'The department’s budget units include its own level (本级)',
    },
    message: { zh: '预算单位中没有本级单位', en: 'no budget unit is the department’s own level (本级)' },
  },
  functionsMissing: {
    id: 'READY.FUNCTIONS_MISSING',
    severity: 'warning',
    description: { zh: '第一部分须写明部门主要职能', en: 'Part 1 states the department’s functions' },
    message: { zh: '未填写部门主要职能', en: 'the department’s functions are not written' },
  },
  performanceTarget: {
    id: 'READY.PERFORMANCE_TARGET',
    severity: 'warning',
    description: {
      zh: '表9 须填写部门年度绩效目标',
      en: '表9 states the department’s annual performance target',
    },
    message: {
      zh: '未填写部门整体支出年度绩效目标',
      en: 'the department’s annual performance target is not written',
    },
  },
  projectNoDetails: {
    id: 'READY.PROJECT_NO_DETAILS',
    severity: 'warning',
    description: {
      zh: '表10 须列出项目支出明细测算',
      en: '表10 lists a project’s detail lines with their basis',
    },
    message: { zh: '项目「{name}」没有支出明细测算', en: 'project “{name}” has no detail lines' },
  },
  projectNoTarget: {
    id: 'READY.PROJECT_NO_TARGET',
    severity: 'warning',
    description: {
      zh: '表10 须填写项目绩效总目标',
      en: '表10 states a project’s overall performance target',
    },
    message: {
      zh: '项目「{name}」未填写绩效总目标',
      en: 'project “{name}” has no overall performance target',
    },
  },
  projectNoIndicators: {
    id: 'READY.PROJECT_NO_INDICATORS',
    severity: 'warning',
    description: { zh: '表10 须列出项目绩效指标', en: '表10 lists a project’s performance indicators' },
    message: { zh: '项目「{name}」没有绩效指标', en: 'project “{name}” has no performance indicators' },
  },
  comparisonReason: {
    id: 'READY.COMPARISON_REASON',
    severity: 'warning',
    description: {
      zh: '没有上年数据时，说明须写明无同比数的原因',
      en: 'Without last year’s figures, the explanations say why there is no comparison',
    },
    message: {
      zh: '没有 {lastYear} 年的数据，也未说明无同比数的原因',
      en: 'no figures for {lastYear} and no reason given for the missing comparison',
    },
  },
});

export function checkReadiness({ doc }: DocumentIndex): TFinding[] {
  const findings: TFinding[] = [];
  const at = (path: string) => ({ kind: 'document', path }) as const;
  if (doc.expenditureLines.length === 0)
    findings.push(report(READINESS_RULES.noExpenditure, at('expenditureLines')));
  if (!doc.department.units.some((u) => u.level === 'self')) {
    findings.push(report(READINESS_RULES.noSelfUnit, at('department.units')));
  }
  if (!doc.department.functions.some((f) => f.trim() !== '')) {
    findings.push(report(READINESS_RULES.functionsMissing, at('department.functions')));
  }
  if (doc.performance.annualTarget.trim() === '') {
    findings.push(report(READINESS_RULES.performanceTarget, at('performance.annualTarget')));
  }
  for (const project of doc.projects) {
    const name = project.name;
    if (project.details.length === 0) {
      findings.push(
        report(READINESS_RULES.projectNoDetails, projectLocation(project.id, 'details'), { name }),
      );
    }
    if (project.overallTarget.trim() === '') {
      findings.push(
        report(
          READINESS_RULES.projectNoTarget,
          projectLocation(project.id, undefined, undefined, 'overallTarget'),
          { name },
        ),
      );
    }
    if (project.indicators.length === 0) {
      findings.push(
        report(READINESS_RULES.projectNoIndicators, projectLocation(project.id, 'indicators'), { name }),
      );
    }
  }
  const lastYear = doc.fiscalYear - 1;
  if (!doc.priorYears.some((p) => p.year === lastYear) && doc.explanations.noPriorYearReason.trim() === '') {
    findings.push(
      report(READINESS_RULES.comparisonReason, at('explanations.noPriorYearReason'), { lastYear }),
    );
  }
  return findings;
}
