import { DomainError } from '../errors';
import { catalogueFromEdition, editionOf, parseCatalogueUpload, ZCatalogueEdition } from './catalogue-edition';
import { catalogueForYear } from './catalogue-editions';

const lists = {
  functional: 'code,name\n201,一般公共服务支出\n20103,政府办公厅（室）及相关机构事务\n2010350,事业运行\n',
  economic: 'code,name\n301,工资福利支出\n30101,基本工资\n',
  governmentEconomic: 'code,name\n501,机关工资福利支出\n50101,工资奖金津补贴\n',
  economicMapping: 'dept_code,gov_code\n30101,50101\n',
};

const problemsOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return (error as DomainError).details?.['problems'];
  }
  throw new Error('expected the upload to be refused');
};

describe('an edition as data', () => {
  it('round-trips the shipped 2024 edition, partial as it is', () => {
    const shipped = catalogueForYear(2024);
    const again = catalogueFromEdition(ZCatalogueEdition.parse(JSON.parse(JSON.stringify(editionOf(shipped)))));
    expect(again).toEqual(shipped);
  });

  it('parses an upload into a complete edition', () => {
    const catalogue = parseCatalogueUpload(2027, lists);
    expect(catalogue.completeness).toBe('complete');
    expect(catalogue.functional.get('2010350')?.name).toBe('事业运行');
    expect(catalogue.economicMapping.get('30101')).toEqual(['50101']);
  });

  it('refuses an upload with every problem of every list, each naming its list, line and field', () => {
    const problems = problemsOf(() =>
      parseCatalogueUpload(2027, { ...lists, functional: 'code,name\n201,一般公共服务支出\n20199,\n', economic: 'code,name\n', economicMapping: 'dept_code,gov_code\n30101,5010\n' }),
    );
    expect(problems).toEqual([
      expect.objectContaining({ list: 'functional', position: 'line 3', field: 'name', reason: 'code 20199 has an empty name' }),
      expect.objectContaining({ list: 'economic-mapping', position: 'line 2', field: 'gov_code' }),
      expect.objectContaining({ list: 'economic', reason: 'the economic list has no codes' }),
    ]);
  });

  it('refuses a 对照表 without the 政府 list, and one naming a code the lists lack', () => {
    expect(problemsOf(() => parseCatalogueUpload(2027, { functional: lists.functional, economic: lists.economic, economicMapping: lists.economicMapping }))).toEqual([
      expect.objectContaining({ list: 'government-economic', reason: expect.stringContaining('needs the 政府预算经济分类 list') as string }),
    ]);
    expect(problemsOf(() => parseCatalogueUpload(2027, { ...lists, economicMapping: 'dept_code,gov_code\n30102,50101\n' }))).toEqual([
      expect.objectContaining({ list: 'economic-mapping', field: 'dept_code', reason: '部门 economic code 30102 is not in the economic list' }),
    ]);
  });
});
