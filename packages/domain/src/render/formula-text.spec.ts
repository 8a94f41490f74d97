import { neutraliseFormula, restoreFormula, startsFormula } from './formula-text';

describe('the formula neutraliser', () => {
  it.each(['=HYPERLINK("http://x")', '+1', '-A1', '@SUM(A1)', '\t=1+1', '\r=1+1', '＝1+1', '＋1', '－1', '＠SUM(A1)'])(
    '%j is written as literal text and read back unchanged',
    (text) => {
      const written = neutraliseFormula(text);
      expect(written).toBe(`'${text}`);
      expect(startsFormula(written)).toBe(false);
      expect(restoreFormula(written)).toBe(text);
    },
  );

  it('leaves other text and plain numbers alone', () => {
    expect(neutraliseFormula('工资福利支出')).toBe('工资福利支出');
    expect(neutraliseFormula('-12.5')).toBe('-12.5');
    expect(neutraliseFormula('')).toBe('');
    expect(restoreFormula("'quoted")).toBe("'quoted");
  });
});
