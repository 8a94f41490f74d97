import { buildCatalogue, type Catalogue } from './catalogue';
import { parseCatalogueCsv } from './catalogue-csv';
import { editionLabel, judgeCode } from './code-verdict';

const functional = parseCatalogueCsv('code,name\n201,一般公共服务支出\n20103,政府办公厅（室）及相关机构事务\n2010350,事业运行\n205,教育支出\n', 'functional');
const economic = parseCatalogueCsv('code,name\n302,商品和服务支出\n30201,办公费\n', 'economic');
const partial: Catalogue = buildCatalogue(2024, functional, economic, { completeness: 'partial' });
const complete: Catalogue = buildCatalogue(2024, functional, economic);

describe('judgeCode: what a code is, against a partial and a complete edition', () => {
  it.each([
    ['2010350', 'item', 'ok'],
    ['2010399', 'item', 'missing-from-partial'], // parent 20103 known
    ['2050201', 'item', 'unknown'], // parent 20502 not known: nothing to ask a name under
    ['20103', 'item', 'wrong-level'],
    ['3020101', 'item', 'other-list'], // an economic code in a function column
    ['1010101', 'item', 'malformed'], // no expenditure classification starts with 1
    ['201035', 'item', 'malformed'],
    ['2O10350', 'item', 'malformed'],
  ] as const)('functional %s at %s level is %s against a partial edition', (code, level, verdict) => {
    expect(judgeCode(partial, 'functional', code, level).verdict).toBe(verdict);
  });

  it('the same gap against a complete edition is unknown, and a known parent does not change that', () => {
    expect(judgeCode(complete, 'functional', '2010399', 'item').verdict).toBe('unknown');
    expect(judgeCode(complete, 'economic', '30299', 'section').verdict).toBe('unknown');
    expect(judgeCode(partial, 'economic', '30299', 'section')).toEqual({ verdict: 'missing-from-partial', parent: expect.objectContaining({ code: '302' }) });
  });

  it('names the list an out-of-place code belongs to', () => {
    expect(judgeCode(partial, 'economic', '20103', 'section')).toEqual({ verdict: 'other-list', list: 'functional' });
    expect(judgeCode(partial, 'functional', '50101')).toEqual({ verdict: 'other-list', list: 'government-economic' });
    expect(judgeCode(partial, 'functional', '20103')).toEqual({ verdict: 'ok', entry: expect.objectContaining({ name: '政府办公厅（室）及相关机构事务' }) });
  });

  it('labels a partial edition as partial in both languages, a complete one plainly', () => {
    expect(editionLabel(partial).editionZh).toContain('不完整');
    expect(editionLabel(partial).editionEn).toContain('partial');
    expect(editionLabel(complete)).toEqual({ editionZh: '目录', editionEn: 'catalogue' });
  });
});
