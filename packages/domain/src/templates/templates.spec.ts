import fixture from '../../fixtures/qiaokou-bigdata-2020.json';
import { ZBudgetDocument, type TBudgetDocument } from '../budget/budget-document.schema';
import { catalogueForYear } from '../catalogue/catalogue-editions';
import { deriveDisclosure } from '../derive/derive-disclosure';
import { ZDisclosure, type TDisclosure, type TDisclosureTable } from '../disclosure/disclosure.schema';
import { isDomainError } from '../errors/domain-error';
import { formatYuan, parseFen, type Fen } from '../money/fen';
import { toDisplayGrid } from '../render/display-grid';
import { checkDisclosure } from '../rules/check-disclosure';
import { validateBudget } from '../rules/validate-budget';
import { generateBudget } from '../testing/generate-budget';
import { halfStepOfPrint } from './table-role';
import { templateById, TEMPLATES } from './template-registry';
import { ZDisclosureTemplate } from './template.schema';

const seed = ZBudgetDocument.parse(fixture);
const generated = generateBudget({ lines: 2000, units: 4, projects: 5, seed: 11 });
const under = (doc: TBudgetDocument, template: string, scope: 'department' | 'unit' = 'department'): TDisclosure =>
  deriveDisclosure({ ...doc, template, scope }, catalogueForYear(doc.fiscalYear));
const table = (d: TDisclosure, id: string): TDisclosureTable => {
  const found = d.tables.find((t) => t.id === id);
  if (found === undefined) throw new Error(`no table ${id}`);
  return found;
};
/** A cell's exact amount moved by `fen` 分, in integer 分 as every sum is. */
const shifted = (yuan: string | null | undefined, fen: number): string => formatYuan((parseFen(yuan ?? '0') + fen) as Fen);
const errors = (findings: { severity: string; ruleId: string }[]) => findings.filter((f) => f.severity === 'error').map((f) => f.ruleId);

describe('templates as data', () => {
  it('ships the three templates, each valid against the schema, and finds them by id', () => {
    expect(TEMPLATES.map((t) => [t.id, t.tables.length])).toEqual([
      ['hubei-2020', 10],
      ['shanghai-district', 9],
      ['jiangsu-province', 12],
    ]);
    for (const t of TEMPLATES) expect(ZDisclosureTemplate.safeParse(t).success).toBe(true);
    expect(templateById('jiangsu-province').narrative.decimals).toBe(2);
  });

  it('refuses an unknown template with TEMPLATE_UNKNOWN, and a template with a table id twice', () => {
    let error: unknown;
    try {
      templateById('guangdong');
    } catch (e) {
      error = e;
    }
    expect(isDomainError(error) && error.code).toBe('TEMPLATE_UNKNOWN');
    const twice = { ...templateById('hubei-2020'), tables: [...templateById('hubei-2020').tables, templateById('hubei-2020').tables[0]] };
    expect(ZDisclosureTemplate.safeParse(twice).error?.issues[0]?.message).toBe('table id T1 twice');
  });

  describe.each(TEMPLATES.flatMap((t) => t.scopes.map((scope) => [t.id, scope] as const)))('%s (%s)', (id, scope) => {
    it.each([
      ['the seed', seed],
      ['a generated budget of 2,000 lines in 4 units', generated],
    ])('derives %s into the template’s tables, which the checker finds consistent', (_, doc) => {
      const template = templateById(id);
      const d = under(doc, id, scope);
      expect(ZDisclosure.safeParse(d).success).toBe(true);
      expect(d.meta).toMatchObject({ template: id, scope });
      expect(d.tables.map((t) => [t.id, t.role, t.number, t.unit, t.decimals])).toEqual(template.tables.map((t) => [t.id, t.role, t.number, t.unit, t.decimals]));
      expect(errors(checkDisclosure(d))).toEqual([]);
      expect(errors(validateBudget({ ...doc, template: id, scope }))).toEqual([]);
    });
  });

  it('a budget document naming a template there is none of is refused at the field', () => {
    const result = ZBudgetDocument.safeParse({ ...fixture, template: 'guangdong' });
    expect(result.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [['template'], 'not a disclosure template; the templates are hubei-2020, shanghai-district, jiangsu-province'],
    ]);
    expect(ZBudgetDocument.safeParse({ ...fixture, template: 'jiangsu-province' }).success).toBe(true);
  });

  it('hubei-2020 is the default: a document naming no template derives the same disclosure', () => {
    const d = deriveDisclosure(seed, catalogueForYear(2020));
    expect(d.meta.template).toBe('hubei-2020');
    expect(d).toEqual(under(seed, 'hubei-2020'));
  });
});

describe('shanghai-district', () => {
  it('prints in 元 with 分, its titles carry the year, the 单位 version its own titles and split columns', () => {
    const dept = under(seed, 'shanghai-district');
    expect(table(dept, 'T1').title).toBe('2020年部门财务收支预算总表');
    const grid = toDisplayGrid(table(dept, 'T1'));
    expect(grid.body[0]?.cells.map((c) => c.text)).toEqual(['一、财政拨款收入', '6044000.00', '一、一般公共服务支出', '1436000.00']);
    const unit = under(seed, 'shanghai-district', 'unit');
    expect(table(unit, 'T1').title).toBe('2020年预算单位财务收支预算总表');
    const unitGrid = toDisplayGrid(table(unit, 'T1'));
    expect(unitGrid.header[1]?.map((c) => c.text)).toEqual(['项目', '预算数', '功能分类', '合计', '人员经费', '公用经费', '项目支出']);
    expect(unitGrid.body[0]?.cells.map((c) => c.text)).toEqual(['一、财政拨款收入', '6044000.00', '一、一般公共服务支出', '1436000.00', '1210000.00', '226000.00', '']);
  });

  it('states an empty 政府性基金 table in its own words, and prints the 三公 with 机关运行经费 in 万元 to two decimals', () => {
    const d = under(seed, 'shanghai-district');
    expect(table(d, 'T6').emptyStatement).toBe('本部门2020年无政府性基金预算财政拨款安排的预算，故本表为空表。');
    const t9 = toDisplayGrid(table(d, 'T9'));
    expect(t9.header.flat().map((c) => c.text)).toContain('机关运行经费');
    expect(t9.body[0]?.cells.map((c) => c.text).slice(1)).toEqual(['0.80', '', '0.80', '', '', '', '22.60']);
  });

  it('counts a 国有资本经营预算 line in its own table and column, and in 财政拨款', () => {
    const doc = ZBudgetDocument.parse({
      ...fixture,
      incomeLines: [...fixture.incomeLines, { id: 'soe', source: 'soe-capital-appropriation', amount: '50000.00' }],
      expenditureLines: [
        ...fixture.expenditureLines,
        { id: 'soe-1', unitCode: '019001', functionCode: '2230101', economicCode: '31204', kind: 'project', projectId: 'P2020-001', fundSource: 'soe-capital-appropriation', amount: '50000.00' },
      ],
    });
    const d = under(doc, 'shanghai-district');
    expect(table(d, 'T7').rows.find((r) => r.key === 'total')?.cells).toEqual({ total: '50000.00', basic: null, project: '50000.00' });
    expect(table(d, 'T4').rows.find((r) => r.key === 'func-total')?.cells['soe-capital']).toBe('50000.00');
    expect(table(d, 'T5').rows.find((r) => r.key === 'total')?.cells['total']).toBe('6044000.00');
  });
});

describe('jiangsu-province', () => {
  it('prints its fixed list of 21 类 in the summary, used or not, in 万元 to two decimals, numbered as printed', () => {
    const d = under(seed, 'jiangsu-province');
    const t01 = table(d, 'T01');
    const classes = t01.rows.filter((r) => r.key.startsWith('func:'));
    expect(classes.length).toBe(21);
    expect(classes.filter((r) => r.cells['amount'] !== null).map((r) => r.code)).toEqual(['201', '208', '210', '215', '221']);
    expect(classes[0]?.name).toBe('一、一般公共服务支出');
    expect(toDisplayGrid(t01).body[0]?.cells.map((c) => c.text)).toEqual(['一、财政拨款', '604.40', '一、一般公共服务支出', '143.60', '一、基本支出', '207.40']);
  });

  it('counts 机关运行经费 from the 公用经费 of 行政 and 参公 units only, not of 事业单位', () => {
    const asInstitution = { ...seed, department: { ...seed.department, units: seed.department.units.map((u) => ({ ...u, category: 'institution' as const })) } };
    const admin = { ...seed, department: { ...seed.department, units: seed.department.units.map((u) => ({ ...u, category: 'administrative' as const })) } };
    const total = (doc: TBudgetDocument) => table(under(doc, 'jiangsu-province'), 'T10').rows.find((r) => r.key === 'total')?.cells['amount'] ?? null;
    expect(total(admin)).toBe('226000.00');
    expect(total(asInstitution)).toBeNull();
  });
});

describe('tolerances from print', () => {
  it('half a unit of the last printed digit, per print', () => {
    expect(halfStepOfPrint('万元', 1)).toBe(50_000);
    expect(halfStepOfPrint('万元', 2)).toBe(5_000);
    expect(halfStepOfPrint('元', 0)).toBe(50);
    expect(halfStepOfPrint('元', 2)).toBe(0);
  });

  /** A transcribed Jiangsu disclosure whose 款 30101 of 公开表八 (万元, 2 decimals) is off by `fen`. */
  const offBy = (fen: number) => {
    const d: TDisclosure = { ...under(seed, 'jiangsu-province'), meta: { ...under(seed, 'jiangsu-province').meta, amountPrecision: 'display-rounded' } };
    const row = table(d, 'T09').rows.find((r) => r.key === '30101');
    if (row === undefined) throw new Error('no 30101');
    row.cells['amount'] = shifted(row.cells['amount'], fen);
    return checkDisclosure(d).filter((f) => f.ruleId === 'TABLE.PARENT_SUM' && f.location.kind === 'table' && f.location.table === 'T09');
  };

  it('万元 to two decimals: a 类 of n 款 may be off by 50 元 for itself and 50 元 for each 款, not a 分 more', () => {
    const children = table(under(seed, 'jiangsu-province'), 'T09').rows.filter((r) => r.code?.startsWith('301') && r.code.length === 5).length;
    const limit = 5_000 * (children + 1);
    expect(offBy(limit)).toEqual([]);
    expect(offBy(-limit)).toEqual([]);
    expect(offBy(limit + 1).map((f) => f.severity)).toEqual(['error']);
    expect(offBy(-limit - 1).map((f) => f.severity)).toEqual(['error']);
  });

  /** A transcribed Shanghai disclosure whose 表5 prints whole 元, its 款 20103 off by `fen`. */
  const wholeYuan = (fen: number) => {
    const base = under(seed, 'shanghai-district');
    const d: TDisclosure = {
      ...base,
      meta: { ...base.meta, amountPrecision: 'display-rounded' },
      tables: base.tables.map((t) => (t.id === 'T5' ? { ...t, decimals: 0 } : t)),
    };
    const row = table(d, 'T5').rows.find((r) => r.key === '20103');
    if (row === undefined) throw new Error('no 20103');
    row.cells['total'] = shifted(row.cells['total'], fen);
    return checkDisclosure(d).filter((f) => f.ruleId === 'TABLE.PARENT_SUM' && f.location.kind === 'table' && f.location.column === 'total');
  };

  it('whole 元: within rounding nothing, a 1-元 break a warning, more an error', () => {
    // 20103 has one 项 under it and is one of its 类's 款: each sum has one term, ±0.5 元 each side.
    expect(wholeYuan(100)).toEqual([]);
    expect(wholeYuan(150).map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(wholeYuan(200).map((f) => f.severity)).toEqual(['warning', 'warning']);
    expect(wholeYuan(201).map((f) => f.severity)).toEqual(['error', 'error']);
  });

  it('a derived disclosure is exact: one 分 off is an error', () => {
    const d = under(seed, 'jiangsu-province');
    const row = table(d, 'T09').rows.find((r) => r.key === '30101');
    if (row === undefined) throw new Error('no 30101');
    row.cells['amount'] = shifted(row.cells['amount'], 1);
    expect(errors(checkDisclosure(d))).toContain('TABLE.PARENT_SUM');
  });
});
