import type { TExplanationSection } from '../disclosure/disclosure.schema';
import { parseFen } from '../money/fen';
import { nameOf } from './catalogue-names';
import { comparison } from './comparison';
import type { DeriveContext } from './derive-context';
import type { ExplanationFigures } from './explanation-context';
import { overUnits, sumCells, totalOf, type EconomicCodeCell } from './line-aggregate';
import { count, joinParts, paragraph, paragraphOf, ref, wan, wanOfYuan, type Parts } from './paragraph';
import { threePublicFigures } from './t8-three-public';
import { byCode } from './table-parts';

/** Names of the economic 款 a set of general-public basic lines uses, in code order. */
function sectionNames(ctx: DeriveContext, kind: 'basic-personnel' | 'basic-public', cls?: string): string {
  const sums = sumCells(
    overUnits(ctx.aggregate).byEconomic,
    (c) =>
      c.family === 'general-public' &&
      c.kind === kind &&
      (cls === undefined || c.economicCode.startsWith(cls)),
    (c) => c.economicCode,
  );
  return [...sums.keys()]
    .sort(byCode)
    .map((code) => nameOf(ctx.catalogue, 'economic', code))
    .join('、');
}

export function generalPublicSection(ctx: DeriveContext, f: ExplanationFigures): TExplanationSection {
  // Project lines by functional 项, then by project, each with the detail of its estimate.
  const byItem = new Map<string, Map<string, number>>();
  for (const c of ctx.aggregate.byProject) {
    if (c.family !== 'general-public') continue;
    const projects = byItem.get(c.functionCode) ?? new Map<string, number>();
    projects.set(c.projectId, (projects.get(c.projectId) ?? 0) + c.fen);
    byItem.set(c.functionCode, projects);
  }
  const projectsById = new Map(ctx.doc.projects.map((p) => [p.id, p]));
  // Projects in the department's own order (so the text does not depend on the order lines were entered); unknown ids last.
  const listed = new Map(ctx.doc.projects.map((p, i) => [p.id, i]));
  const projectOrder = ([a]: [string, number], [b]: [string, number]): number =>
    (listed.get(a) ?? listed.size) - (listed.get(b) ?? listed.size) || byCode(a, b);
  const itemClauses: Parts[] = [...byItem.keys()].sort(byCode).map((code) => {
    const amounts = byItem.get(code) ?? new Map<string, number>();
    const projectClauses: Parts[] = [...amounts].sort(projectOrder).map(([id, fen]) => {
      const p = projectsById.get(id);
      const details = (p?.details ?? []).map((d) => [
        nameOf(ctx.catalogue, 'economic', d.economicCode),
        wanOfYuan(`project-detail:${id}:${d.economicCode}`, d.amount),
      ]);
      return [
        `${p?.name ?? id}支出`,
        wan(`project:${id}:${code}`, fen),
        ...(details.length === 0 ? [] : ['，其中：', ...joinParts(details, '、')]),
      ];
    });
    let itemTotal = 0;
    for (const fen of amounts.values()) itemTotal += fen;
    return [
      nameOf(ctx.catalogue, 'functional', code),
      wan(`project-item:${code}`, itemTotal, ref('T5', code, 'project')),
      ...(projectClauses.length === 0 ? [] : ['，主要用于：', ...joinParts(projectClauses, '；')]),
    ];
  });
  return {
    key: 'general-public',
    title: '五、一般公共预算支出情况说明',
    paragraphs: [
      paragraph(
        `${f.year}年一般公共预算支出预算数为`,
        wan('general-public-total', f.generalPublic, ref('T5', 'total', 'total')),
        '。',
        ...comparison(
          f,
          'general-public',
          f.generalPublic,
          f.lastYear?.generalPublicBudget,
          ctx.doc.explanations.generalPublicChangeReason,
        ),
        '具体安排情况如下：',
      ),
      paragraph(
        '1、基本支出',
        wan('general-public-basic', f.generalPublicBasic, ref('T5', 'total', 'basic')),
        '，主要用于人员经费（工资福利支出、对个人和家庭的补助）、公用经费（商品和服务支出）。',
      ),
      paragraphOf([
        '2、项目支出',
        wan('general-public-project', f.generalPublicProject, ref('T5', 'total', 'project')),
        ...(itemClauses.length === 0 ? ['。'] : ['。其中：', ...joinParts(itemClauses, '；'), '。']),
      ]),
    ],
  };
}

export function basicSection(ctx: DeriveContext, f: ExplanationFigures): TExplanationSection {
  const { byEconomic } = overUnits(ctx.aggregate);
  const isPersonnel = (c: EconomicCodeCell) => c.family === 'general-public' && c.kind === 'basic-personnel';
  const personnel = sumCells(byEconomic, isPersonnel, (c) => c.economicCode.slice(0, 3));
  const personnelTotal = totalOf(byEconomic, isPersonnel);
  const publicTotal = totalOf(
    byEconomic,
    (c) => c.family === 'general-public' && c.kind === 'basic-public',
  );
  const classes = [...personnel.keys()].sort(byCode);
  const classClauses: Parts[] = classes.map((cls) => [
    nameOf(ctx.catalogue, 'economic', cls),
    wan(`personnel:${cls}`, personnel.get(cls) ?? 0, ref('T6', cls, 'personnel')),
    `，主要用于：${sectionNames(ctx, 'basic-personnel', cls)}`,
  ]);
  return {
    key: 'basic',
    title: '六、一般公共预算基本支出情况说明',
    paragraphs: [
      paragraph(
        `${f.year}年一般公共预算基本支出`,
        wan('basic-total', f.generalPublicBasic, ref('T6', 'total', 'total')),
        '。其中：',
      ),
      paragraph(
        '1、人员经费',
        wan('personnel', personnelTotal, ref('T6', 'total', 'personnel')),
        ...(classClauses.length === 0 ? ['。'] : ['。包括：', ...joinParts(classClauses, '；'), '。']),
      ),
      paragraph(
        '2、公用经费',
        wan('public', publicTotal, ref('T6', 'total', 'public')),
        publicTotal === 0 ? '。' : `。主要用于：${sectionNames(ctx, 'basic-public')}。`,
      ),
    ],
  };
}

export function governmentFundSection(_ctx: DeriveContext, f: ExplanationFigures): TExplanationSection {
  return {
    key: 'government-fund',
    title: '七、政府性基金预算支出情况说明',
    paragraphs: [
      f.governmentFund === 0
        ? paragraph(`${f.name}${f.year}年无政府性基金预算安排的支出。`)
        : paragraph(
            `${f.year}年政府性基金预算支出`,
            wan('government-fund-total', f.governmentFund, ref('T7', 'total', 'total')),
            '。',
          ),
    ],
  };
}

export function threePublicSection(ctx: DeriveContext, f: ExplanationFigures): TExplanationSection {
  const t = threePublicFigures(ctx);
  const selfCodes = new Set(ctx.doc.department.units.filter((u) => u.level === 'self').map((u) => u.code));
  const unitNames = t.unitCodes.map((code) =>
    selfCodes.has(code) ? '本单位' : (ctx.unitNames.get(code) ?? code),
  );
  const vehicleDetail: Parts =
    t.vehicles === 0
      ? []
      : [
          '（其中：公务用车购置费',
          wan('vehicle-purchase', t.vehiclePurchase, ref('T8', 'vehicle-purchase')),
          '，公务用车运行维护费',
          wan('vehicle-operation', t.vehicleOperation, ref('T8', 'vehicle-operation')),
          '）',
        ];
  const note = ctx.doc.explanations.threePublicUnitsNote;
  return {
    key: 'three-public',
    title: '八、财政拨款“三公”经费支出情况说明',
    paragraphs: [
      paragraph('1、“三公”经费的单位范围'),
      paragraph(
        `${f.name}有财政拨款预算安排“三公”经费的单位包括${unitNames.join('、')}`,
        count('three-public-units', t.unitCodes.length, '个'),
        `单位。${note}`,
      ),
      paragraph('2、财政拨款“三公”经费预算情况'),
      paragraph(
        `${f.year}年财政拨款“三公”经费预算数`,
        wan('three-public-total', t.total, ref('T8', 'total')),
        '，其中：（1）因公出国（境）费',
        wan('overseas-travel', t.overseasTravel, ref('T8', 'overseas-travel')),
        '；（2）公务接待费',
        wan('reception', t.reception, ref('T8', 'reception')),
        '；（3）公务用车购置及运行维护费',
        wan('vehicles', t.vehicles, ref('T8', 'vehicles')),
        ...vehicleDetail,
        '。',
      ),
      paragraph(
        ...comparison(
          f,
          'three-public',
          t.total,
          f.lastYear?.threePublic,
          ctx.doc.explanations.threePublicChangeReason,
        ),
      ),
    ],
  };
}

export function otherMattersSection(ctx: DeriveContext, f: ExplanationFigures): TExplanationSection {
  const texts = ctx.doc.explanations;
  const { byEconomic } = overUnits(ctx.aggregate);
  const operating = totalOf(
    byEconomic,
    (c) => c.family === 'general-public' && c.kind === 'basic-public',
  );
  const procurement = { goods: 0, services: 0, works: 0 };
  for (const p of ctx.doc.projects)
    for (const line of p.procurement) procurement[line.category] += parseFen(line.amount);
  const procurementTotal = procurement.goods + procurement.services + procurement.works;
  const categories: Parts[] = (
    [
      ['goods', '货物类'],
      ['services', '服务类'],
      ['works', '工程类'],
    ] as const
  )
    .filter(([k]) => procurement[k] !== 0)
    .map(([k, label]) => [label, wan(`procurement-${k}`, procurement[k])]);
  const capital = totalOf(
    byEconomic,
    (c) => c.economicCode.startsWith('309') || c.economicCode.startsWith('310'),
  );
  const targeted = ctx.doc.projects.filter((p) => p.indicators.length > 0);
  const targetedIds = new Set(targeted.map((p) => p.id));
  const targetedFunds = totalOf(
    ctx.aggregate.byProject,
    (c) => c.family === 'general-public' && targetedIds.has(c.projectId),
  );
  return {
    key: 'other',
    title: '九、其他重要事项的情况说明',
    paragraphs: [
      paragraph('（一）机关运行经费情况'),
      paragraph(
        `${f.year}年本部门的机关运行经费`,
        wan('operating-costs', operating, ref('T6', 'total', 'public')),
        operating === 0 ? '。' : `。主要包括：${sectionNames(ctx, 'basic-public')}。`,
        ...comparison(
          f,
          'operating-costs',
          operating,
          f.lastYear?.operatingCosts,
          texts.operatingCostsChangeReason,
        ),
        texts.operatingCostsNote,
      ),
      paragraph('（二）政府采购预算情况'),
      paragraph(
        `按照现行政府采购管理规定，${f.year}年部门预算中纳入政府采购预算支出合计`,
        wan('procurement-total', procurementTotal),
        ...(categories.length === 0 ? ['。'] : ['。包括：', ...joinParts(categories, '，'), '。']),
      ),
      paragraph('（三）国有资产占有使用情况'),
      paragraph(texts.assets, `${f.year}年预算新增资产`, wan('new-assets', capital), '。'),
      paragraph('（四）预算绩效管理情况'),
      paragraph(
        `${f.year}年部门项目实行绩效目标管理，设置了部门整体支出绩效目标、`,
        count('targeted-projects', targeted.length, '个'),
        '一级项目支出绩效目标，涉及一般公共预算本年财政拨款',
        wan('targeted-funds', targetedFunds),
        `。${texts.performanceManagement}`,
      ),
      paragraph('（五）非税收入征收预计数增减变动情况'),
      paragraph(texts.nonTaxRevenue === '' ? `${f.year}年本部门无非税收入。` : texts.nonTaxRevenue),
    ],
  };
}
