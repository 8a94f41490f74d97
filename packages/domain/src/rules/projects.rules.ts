import { FUND_SOURCE_NAMES } from '../budget/fund-source';
import type { TProject } from '../budget/budget-document.schema';
import { formatYuan, parseFen, sumFen, ZERO_FEN, type Fen } from '../money/fen';
import type { TFinding } from './finding.schema';
import type { DocumentIndex, ProjectLineTotals } from './document-index';
import { projectLocation } from './locations';
import { defineRules, report } from './rule-definition';

export const PROJECT_RULES = defineRules('projects', 'document', {
  duplicateId: {
    id: 'PROJECT.DUPLICATE_ID',
    severity: 'error',
    description: { zh: '项目编号不得重复', en: 'Project ids are unique' },
    message: { zh: '项目编号 {projectId} 重复出现', en: 'project id {projectId} is used more than once' },
  },
  unknownUnit: {
    id: 'PROJECT.UNKNOWN_UNIT',
    severity: 'error',
    description: { zh: '项目单位须属于本部门', en: 'A project’s unit belongs to the department' },
    message: {
      zh: '项目单位 {code} 不是本部门的预算单位',
      en: 'project unit {code} is not one of the department’s units',
    },
  },
  noLines: {
    id: 'PROJECT.NO_LINES',
    severity: 'warning',
    description: { zh: '项目应有支出明细', en: 'A project has expenditure lines' },
    message: { zh: '项目「{name}」没有任何支出明细', en: 'project “{name}” has no expenditure lines' },
  },
  detailSum: {
    id: 'PROJECT.DETAIL_SUM',
    severity: 'error',
    description: {
      zh: '项目支出明细测算之和等于该项目支出明细金额之和',
      en: 'A project’s detail lines sum to the amount of its expenditure lines',
    },
    message: {
      zh: '项目「{name}」明细测算合计 {details} 元，支出明细合计 {lines} 元',
      en: 'project “{name}”: detail lines sum to {details} yuan, its expenditure lines to {lines} yuan',
    },
  },
  detailEconomic: {
    id: 'PROJECT.DETAIL_ECONOMIC',
    severity: 'error',
    description: {
      zh: '项目明细测算按经济科目（款）与支出明细一致',
      en: 'A project’s detail lines agree with its expenditure lines per economic 款',
    },
    message: {
      zh: '项目「{name}」经济科目 {code}：明细测算 {details} 元，支出明细 {lines} 元',
      en: 'project “{name}”, economic code {code}: detail {details} yuan, expenditure lines {lines} yuan',
    },
  },
  subItemSum: {
    id: 'PROJECT.SUBITEM_SUM',
    severity: 'error',
    description: {
      zh: '明细测算的分项之和等于该明细金额',
      en: 'The sub-items of a detail line sum to its amount',
    },
    message: {
      zh: '项目「{name}」经济科目 {code} 的分项合计 {items} 元，明细金额 {amount} 元',
      en: 'project “{name}”, economic code {code}: sub-items sum to {items} yuan, the line is {amount} yuan',
    },
  },
  procurementExceeds: {
    id: 'PROJECT.PROCUREMENT_EXCEEDS',
    severity: 'error',
    description: {
      zh: '项目采购金额之和不超过项目金额',
      en: 'A project’s procurement does not exceed its amount',
    },
    message: {
      zh: '项目「{name}」采购合计 {procurement} 元，超过项目金额 {amount} 元',
      en: 'project “{name}”: procurement {procurement} yuan exceeds the project amount {amount} yuan',
    },
  },
  procurementSum: {
    id: 'PROJECT.PROCUREMENT_SUM',
    severity: 'warning',
    description: {
      zh: '项目采购金额之和通常等于项目金额（所采购的全部内容）',
      en: 'A project’s procurement usually sums to its amount (all that it procures)',
    },
    message: {
      zh: '项目「{name}」采购合计 {procurement} 元，少于项目金额 {amount} 元',
      en: 'project “{name}”: procurement {procurement} yuan is less than the project amount {amount} yuan',
    },
  },
  fundSourceSum: {
    id: 'PROJECT.FUND_SOURCE_SUM',
    severity: 'error',
    description: { zh: '项目资金来源之和等于项目金额', en: 'A project’s fund sources sum to its amount' },
    message: {
      zh: '项目「{name}」资金来源合计 {sources} 元，项目金额 {amount} 元',
      en: 'project “{name}”: fund sources sum to {sources} yuan, the project amount is {amount} yuan',
    },
  },
  fundSourceLines: {
    id: 'PROJECT.FUND_SOURCE_LINES',
    severity: 'warning',
    description: {
      zh: '项目资金来源与其支出明细的资金来源一致',
      en: 'A project’s fund sources agree with the fund sources of its expenditure lines',
    },
    message: {
      zh: '项目「{name}」资金来源「{source}」：填报 {sources} 元，支出明细 {lines} 元',
      en: 'project “{name}”, fund source “{source}”: stated {sources} yuan, expenditure lines {lines} yuan',
    },
  },
  totalBudget: {
    id: 'PROJECT.TOTAL_BUDGET',
    severity: 'warning',
    description: {
      zh: '项目总预算不小于项目当年预算',
      en: 'A project’s total budget is at least this year’s amount',
    },
    message: {
      zh: '项目「{name}」总预算 {total} 元小于当年预算 {amount} 元',
      en: 'project “{name}”: total budget {total} yuan is less than this year’s {amount} yuan',
    },
  },
  priorYear: {
    id: 'PROJECT.PRIOR_YEAR',
    severity: 'error',
    description: {
      zh: '项目前两年预算执行情况只列预算年度之前的年度，且不重复',
      en: 'A project’s prior-year figures are for distinct years before the fiscal year',
    },
    message: {
      zh: '项目「{name}」列出的 {year} 年不是 {fiscalYear} 年之前的年度或重复',
      en: 'project “{name}” lists {year}, which is not a distinct year before {fiscalYear}',
    },
  },
});

const NO_LINES: ProjectLineTotals = {
  total: ZERO_FEN,
  byEconomic: new Map(),
  bySource: new Map(),
  lineCount: 0,
};

interface ProjectContext {
  project: TProject;
  lines: ProjectLineTotals;
  /** The project's amount: the sum of its lines, in 元 text. */
  amount: string;
}

function fenMap<K>(entries: Iterable<[K, string]>): Map<K, Fen> {
  const map = new Map<K, Fen>();
  for (const [key, amount] of entries) map.set(key, ((map.get(key) ?? 0) + parseFen(amount)) as Fen);
  return map;
}

/** Keys of both maps whose amounts differ (an absent key counts as 0). */
function differences<K>(a: Map<K, Fen>, b: Map<K, Fen>): K[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => (a.get(k) ?? 0) !== (b.get(k) ?? 0));
}

const yuanOf = <K>(map: Map<K, Fen>, key: K) => formatYuan(map.get(key) ?? ZERO_FEN);

function checkDetails({ project, lines, amount }: ProjectContext): TFinding[] {
  if (project.details.length === 0) return [];
  const findings: TFinding[] = [];
  const name = project.name;
  const details = fenMap(project.details.map((d) => [d.economicCode, d.amount]));
  const total = formatYuan(sumFen(details.values()));
  if (total !== amount) {
    const at = projectLocation(project.id, 'details');
    findings.push(
      report(
        PROJECT_RULES.detailSum,
        at,
        { name, details: total, lines: amount },
        { expected: amount, actual: total },
      ),
    );
  }
  for (const code of differences(details, lines.byEconomic)) {
    const [d, l] = [yuanOf(details, code), yuanOf(lines.byEconomic, code)];
    const at = projectLocation(
      project.id,
      'details',
      project.details.findIndex((x) => x.economicCode === code),
      'amount',
    );
    findings.push(
      report(
        PROJECT_RULES.detailEconomic,
        at,
        { name, code, details: d, lines: l },
        { expected: l, actual: d },
      ),
    );
  }
  project.details.forEach((detail, i) => {
    if (detail.subItems.length === 0) return;
    const items = formatYuan(sumFen(detail.subItems.map((s) => parseFen(s.amount))));
    if (items === detail.amount) return;
    const at = projectLocation(project.id, 'details', i, 'subItems');
    const params = { name, code: detail.economicCode, items, amount: detail.amount };
    findings.push(report(PROJECT_RULES.subItemSum, at, params, { expected: detail.amount, actual: items }));
  });
  return findings;
}

function checkProcurement({ project, lines, amount }: ProjectContext): TFinding[] {
  if (project.procurement.length === 0) return [];
  const procured = sumFen(project.procurement.map((p) => parseFen(p.amount)));
  if (procured === lines.total) return [];
  // More than the project spends is impossible; less is allowed, but the seed's convention is that
  // procurement covers everything the project buys, so a shortfall is worth a look.
  const rule = procured > lines.total ? PROJECT_RULES.procurementExceeds : PROJECT_RULES.procurementSum;
  const actual = formatYuan(procured);
  const params = { name: project.name, procurement: actual, amount };
  return [report(rule, projectLocation(project.id, 'procurement'), params, { expected: amount, actual })];
}

function checkFundSources({ project, lines, amount }: ProjectContext): TFinding[] {
  const findings: TFinding[] = [];
  const name = project.name;
  const at = projectLocation(project.id, 'fundSources');
  const sources = fenMap(project.fundSources.map((s) => [s.source, s.amount]));
  const stated = formatYuan(sumFen(sources.values()));
  if (stated !== amount) {
    findings.push(
      report(
        PROJECT_RULES.fundSourceSum,
        at,
        { name, sources: stated, amount },
        { expected: amount, actual: stated },
      ),
    );
  }
  // 表10 prints 项目资金来源 for every project: none stated is a sum of 0, and per source is moot.
  if (project.fundSources.length === 0) return findings;
  for (const source of differences(sources, lines.bySource)) {
    const [s, l] = [yuanOf(sources, source), yuanOf(lines.bySource, source)];
    const params = { name, source: FUND_SOURCE_NAMES[source], sources: s, lines: l };
    findings.push(report(PROJECT_RULES.fundSourceLines, at, params, { expected: l, actual: s }));
  }
  return findings;
}

function checkHeader({ project, lines, amount }: ProjectContext, index: DocumentIndex): TFinding[] {
  const findings: TFinding[] = [];
  const name = project.name;
  if (!index.unitCodes.has(project.unitCode)) {
    const at = projectLocation(project.id, undefined, undefined, 'unitCode');
    findings.push(report(PROJECT_RULES.unknownUnit, at, { code: project.unitCode }));
  }
  if (lines.lineCount === 0)
    findings.push(report(PROJECT_RULES.noLines, projectLocation(project.id), { name }));
  if (project.totalBudget !== undefined && parseFen(project.totalBudget) < lines.total) {
    const at = projectLocation(project.id, undefined, undefined, 'totalBudget');
    const params = { name, total: project.totalBudget, amount };
    findings.push(
      report(PROJECT_RULES.totalBudget, at, params, {
        expected: `>= ${amount}`,
        actual: project.totalBudget,
      }),
    );
  }
  const years = new Set<number>();
  project.priorYears.forEach((prior, i) => {
    if (prior.year >= index.doc.fiscalYear || years.has(prior.year)) {
      const at = projectLocation(project.id, 'priorYears', i, 'year');
      findings.push(
        report(PROJECT_RULES.priorYear, at, { name, year: prior.year, fiscalYear: index.doc.fiscalYear }),
      );
    }
    years.add(prior.year);
  });
  return findings;
}

/** Each project's header, detail, sub-items, procurement and fund sources against its lines. */
export function checkProjects(index: DocumentIndex): TFinding[] {
  const findings: TFinding[] = [];
  const seen = new Set<string>();
  for (const project of index.doc.projects) {
    if (seen.has(project.id)) {
      const at = projectLocation(project.id, undefined, undefined, 'id');
      findings.push(report(PROJECT_RULES.duplicateId, at, { projectId: project.id }));
      continue;
    }
    seen.add(project.id);
    const lines = index.byProject.get(project.id) ?? NO_LINES;
    const context = { project, lines, amount: formatYuan(lines.total) };
    findings.push(
      ...checkHeader(context, index),
      ...checkDetails(context),
      ...checkProcurement(context),
      ...checkFundSources(context),
    );
  }
  return findings;
}
