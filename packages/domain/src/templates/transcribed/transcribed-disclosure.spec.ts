import { ZodError } from 'zod';
import { readTranscription } from '../../../scripts/sample-budgets';
import { northWestCorner } from '../../../scripts/sample-lines';
import { catalogueForYear } from '../../catalogue';
import { ZDisclosure } from '../../disclosure/disclosure.schema';
import { templateById } from '../template-registry';
import { printedCell, printedFen } from './printed-amount';
import { narrativeParagraphs, transcribedDisclosure } from './transcribed-disclosure';
import { TranscriptionError } from './transcribed-tables';

const SHANGHAI = templateById('shanghai-district');
const JIANGSU = templateById('jiangsu-province');
const catalogue2025 = catalogueForYear(2025);

describe('printedFen: the exact amount a printed figure stands for', () => {
  it('reads 元 with 分, 万元 to two decimals, printed text with thousands separators, and blanks', () => {
    expect(printedFen(371514655.0, '元')).toBe(37_151_465_500);
    expect(printedFen(0.79, '万元')).toBe(790_000);
    expect(printedFen(18330.37, '万元')).toBe(18_330_370_000);
    expect(printedFen('18,330.37', '万元')).toBe(18_330_370_000);
    expect(printedFen(0, '元')).toBe(0);
    expect(printedFen(null, '元')).toBeNull();
    expect(printedFen('', '万元')).toBeNull();
    expect(printedCell(1.0, '万元')).toBe('10000.00');
  });

  it('refuses a figure no print shows: three decimals, or text that is no number', () => {
    expect(() => printedFen(1.005, '元')).toThrow(/2 decimals/);
    expect(() => printedFen('金额', '万元')).toThrow(/not an amount/);
  });
});

describe('transcribedDisclosure', () => {
  const sample = readTranscription('sh_putuo_commerce_2025_unit_budget');

  it('gives a version-2 disclosure of the template, display-rounded, its tables keyed, typed and printed as the template says', () => {
    const d = transcribedDisclosure(sample, SHANGHAI, catalogue2025);
    expect(ZDisclosure.parse(d)).toEqual(d);
    expect(d.schemaVersion).toBe(2);
    expect(d.meta).toMatchObject({ template: 'shanghai-district', scope: 'unit', fiscalYear: 2025, amountPrecision: 'display-rounded', departmentName: '上海市普陀区商务委员会' });
    expect(d.tables.map((t) => [t.id, t.role, t.unit, t.decimals])).toEqual(SHANGHAI.tables.map((t) => [t.id, t.role, t.unit, t.decimals]));
  });

  it('keys rows as the derivation does, so that rules find them: income by scheme, 类 by catalogue code, 项 by code', () => {
    const d = transcribedDisclosure(sample, SHANGHAI, catalogue2025);
    const t1 = d.tables.find((t) => t.id === 'T1')!;
    expect(t1.rows.find((r) => r.key === 'general-public')).toMatchObject({ name: '1、一般公共预算资金', cells: { amount: '371514655.00' } });
    expect(t1.rows.find((r) => r.key === 'func:215')).toMatchObject({ code: '215', cells: { total: '293810000.00', personnel: null, public: null, project: '293810000.00' } });
    expect(t1.rows.find((r) => r.key === 'func-total')).toMatchObject({ footer: true, cells: { personnel: '18120593.00', public: '1710062.00' } });
    const t8 = d.tables.find((t) => t.id === 'T8')!;
    expect(t8.rows[0]).toMatchObject({ key: 'total', cells: { total: '19830655.00', personnel: '18120593.00', public: '1710062.00' } });
    expect(t8.rows.find((r) => r.key === '30217')).toMatchObject({ level: 1, name: '公务接待费', cells: { public: '10000.00', personnel: null } });
    const t6 = d.tables.find((t) => t.id === 'T6')!;
    expect(t6).toMatchObject({ rows: [], emptyStatement: '本单位2025年无政府性基金预算财政拨款安排的预算，故本表为空表。' });
  });

  it('reads a 三公 row in its printed order, and a blank the print shows as blank though the transcription names it 0', () => {
    const d = transcribedDisclosure(readTranscription('js_npc_standing_committee_office_2019_dept_budget'), JIANGSU, catalogueForYear(2019));
    const t11 = d.tables.find((t) => t.id === 'T11')!;
    expect(t11.columns.map((c) => c.key)).toEqual(['total', 'three-public', 'overseas-travel', 'vehicles', 'vehicle-purchase', 'vehicle-operation', 'reception', 'meetings', 'training']);
    expect(t11.rows[0]?.cells).toMatchObject({ total: '26007100.00', 'vehicle-purchase': null, meetings: '14697300.00' });
  });

  it('turns the narrative into paragraphs', () => {
    const d = transcribedDisclosure(sample, SHANGHAI, catalogue2025);
    const paragraphs = d.explanations[0]!.paragraphs.map((p) => p.text);
    expect(paragraphs[0]).toBe('2025年单位预算编制说明');
    expect(paragraphs).toContain('2. “一般公共服务支出（类）商贸事务（款）一般行政管理事务（项）”454.50万元，主要用于商贸事务支出。');
    expect(d.explanations.map((e) => e.key)).toEqual(['narrative', 'other-notes']);
    expect(d.explanations[1]!.paragraphs[1]?.text).toBe('上海市普陀区商务委员会主要职能');
  });

  it('refuses a malformed transcription with the path of what is wrong', () => {
    const broken = { ...sample, tables: { ...sample.tables, T5_general_public_function: { ...sample.tables['T5_general_public_function'], unit: '千元' } } };
    expect(() => transcribedDisclosure(broken, SHANGHAI, catalogue2025)).toThrow(ZodError);
    try {
      transcribedDisclosure(broken, SHANGHAI, catalogue2025);
    } catch (error) {
      expect((error as ZodError).issues[0]?.path).toEqual(['tables', 'T5_general_public_function', 'unit']);
    }
  });

  it('refuses a transcription that does not fit the template, naming the table', () => {
    const t8 = sample.tables['T8_basic_economic']!;
    const misfit = { ...sample, tables: { ...sample.tables, T8_basic_economic: { ...t8, columns: ['合计', '人员经费'] } } };
    expect(() => transcribedDisclosure(misfit, SHANGHAI, catalogue2025)).toThrow(new TranscriptionError('2 columns printed, the template has 3', 'T8'));
  });
});

describe('narrativeParagraphs', () => {
  it('joins lines the PDF broke mid-sentence, starts a paragraph at a numbered point, drops page footers', () => {
    expect(narrativeParagraphs('一、收支预算总体情况说明\n本预算反映部门年度\n总体收支预算情况。\n─ 7 ─\n（一）收入预算总计18330.37万元。包括：\n1．财政拨款收入')).toEqual([
      '一、收支预算总体情况说明',
      '本预算反映部门年度总体收支预算情况。',
      '（一）收入预算总计18330.37万元。包括：',
      '1．财政拨款收入',
    ]);
  });
});

describe('northWestCorner (the sample fixtures’ pairing of marginals)', () => {
  it('fills cells whose rows and columns add up exactly to the marginals', () => {
    const cells = northWestCorner(
      [
        { key: 'a', fen: 5 },
        { key: 'b', fen: 0 },
        { key: 'c', fen: 7 },
      ],
      [
        { key: 'x', fen: 3 },
        { key: 'y', fen: 9 },
      ],
    );
    expect(cells).toEqual([
      { row: 'a', column: 'x', fen: 3 },
      { row: 'a', column: 'y', fen: 2 },
      { row: 'c', column: 'y', fen: 7 },
    ]);
  });

  it('refuses marginals of different totals', () => {
    expect(() => northWestCorner([{ key: 'a', fen: 5 }], [{ key: 'x', fen: 4 }])).toThrow('marginals differ: rows 5 分, columns 4 分');
  });
});
