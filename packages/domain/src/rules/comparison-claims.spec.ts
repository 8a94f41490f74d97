import { directionOf, findComparisonClaims, normalizeProse, type ComparisonClaim } from './comparison-claims';

const one = (text: string): ComparisonClaim => {
  const claims = findComparisonClaims(text);
  expect(claims).toHaveLength(1);
  return claims[0] as ComparisonClaim;
};

describe('finding comparison claims in budget prose', () => {
  it('reads Shanghai’s 「比2024年预算执行数增加…」 with the amount compared before it, separators dropped', () => {
    const claim = one(
      '2025年，上海市普陀区商务委员会收入预算37,151.47万元，其中：财政拨款收入37,151.47万元，比2024年预算执行数增加\n24,558.18万元；事业收入0万元',
    );
    expect(claim).toEqual({
      excerpt: '比2024年预算执行数增加24,558.18万元',
      start: expect.any(Number),
      end: expect.any(Number),
      current: { text: '37,151.47', value: '37151.47', decimals: 2, unit: '万元' },
      year: 2024,
      baseKind: 'execution',
      direction: 'up',
      directionWord: '增加',
      change: { text: '24,558.18', value: '24558.18', decimals: 2, unit: '万元' },
    });
  });

  it('reads Jiangsu’s 「与上年相比收、支预算总计各增加2432.93万元，增长15.3%」: 上年 means no printed year, each figure its own decimals', () => {
    const claim = one(
      '江苏省人大常委会办公厅2019年度收入、支出预算总计\n18330.37万元，与上年相比收、支预算总计各增加2432.93万元，\n增长15.3%。其中：',
    );
    expect(claim.year).toBeUndefined();
    expect(claim.baseKind).toBeUndefined();
    expect(claim.current).toMatchObject({ value: '18330.37', decimals: 2 });
    expect(claim.change).toMatchObject({ value: '2432.93', decimals: 2 });
    expect(claim.rate).toEqual({ text: '15.3', value: '15.3', decimals: 1, unit: '%' });
    expect(claim).toMatchObject({ direction: 'up', rateDirection: 'up', rateWord: '增长' });
  });

  it('reads 持平 with no change amount, and 「与2020年预算执行数100.00万元持平」 with the base printed', () => {
    expect(one('国有资本经营预算拨款支出预算0万元，比2024年预算执行数持平；')).toMatchObject({
      direction: 'flat',
      directionWord: '持平',
      current: { value: '0', decimals: 0 },
      year: 2024,
    });
    const flat = one('财政拨款支出预算100.00万元，与2020年预算执行数100.00万元持平。');
    expect(flat).toMatchObject({
      direction: 'flat',
      base: { value: '100.00', decimals: 2 },
      current: { value: '100.00' },
    });
    expect(flat.change).toBeUndefined();
  });

  it('reads the base Hubei prints, and then takes this year’s amount from the same sentence only', () => {
    const claim = one('2021年部门收支总预算100.0万元。比2020年预算80.0万元增加20.0万元，增长25.0%。');
    expect(claim).toMatchObject({
      base: { value: '80.0', decimals: 1 },
      baseKind: 'budget',
      change: { value: '20.0' },
      rate: { value: '25.0' },
    });
    // The sentence before may end with another amount (「…项目支出25.0万元。比2020年预算100.0万元…」).
    expect(claim.current).toBeUndefined();
    expect(one('部门收支总预算100.0万元，比2020年预算80.0万元增加20.0万元。').current).toMatchObject({
      value: '100.0',
      decimals: 1,
    });
  });

  it('takes the amount compared from the sentence before (a sentence of use in between), never from the previous claim', () => {
    const claims = findComparisonClaims(
      '1．一般公共服务（类）支出13907.78万元，主要用于在职人员工资福利支出。与上年相比增加1201.5万元，增长9.46%。主要原因是增资。与上年相比增加5万元。',
    );
    expect(claims.map((c) => [c.current?.value, c.change?.value, c.rate?.value])).toEqual([
      ['13907.78', '1201.5', '9.46'],
      [undefined, '5', undefined],
    ]);
  });

  it('reads decreases and their rates: 「减少81万元，减少10%」, 「减少10.00万元，下降11.11%」, 「同比下降3.5%」', () => {
    expect(one('人大立法（项）支出729万元，与上年相比减少81万元，减少10%。')).toMatchObject({
      direction: 'down',
      change: { value: '81', decimals: 0 },
      rate: { value: '10', decimals: 0 },
      rateDirection: 'down',
    });
    expect(one('支出80.00万元，比2020年预算90.00万元减少10.00万元，下降11.11%。')).toMatchObject({
      direction: 'down',
      rateWord: '下降',
    });
    const yoy = one('支出80万元，同比下降3.5%。');
    expect(yoy).toMatchObject({ direction: 'down', rate: { value: '3.5' }, rateWord: '下降' });
    expect(yoy.change).toBeUndefined();
  });

  it('keeps a rate whose word contradicts the amount’s (「增加52.61万元，下降4.92%」)', () => {
    expect(one('支出1121.39万元，与上年相比增加52.61万元，下降4.92%。')).toMatchObject({
      direction: 'up',
      rateDirection: 'down',
    });
  });

  it('marks the template’s placeholders 「增加（减少）0万元，增长（减少）0%」 as both directions', () => {
    const claim = one('（2）政府性基金收入预算0万元，与上年相比增加（减少）\n0万元，增长（减少）0%。');
    expect(claim).toMatchObject({
      direction: 'both',
      directionWord: '增加（减少）',
      rateDirection: 'both',
      change: { value: '0' },
      rate: { value: '0' },
    });
  });

  it('reads amounts in 元 and a year as printed, and 「较上年」', () => {
    expect(one('公用经费1,202.95元，较2023年决算数减少3.05元。')).toMatchObject({
      year: 2023,
      baseKind: 'final',
      current: { unit: '元', value: '1202.95' },
      change: { unit: '元' },
    });
    expect(one('机关运行经费62.7万元，较上年增加1万元').year).toBeUndefined();
  });

  it('drops page footers of a transcription, which split words and numbers', () => {
    expect(normalizeProse('未归口管理的行政单位离退─ 11 ─休支出（项）271.45万\n元')).toBe(
      '未归口管理的行政单位离退休支出（项）271.45万元',
    );
    expect(one('离退─ 11 ─休支出（项）271.45万元，与上年相比增加14.69万元，增加5.72%。').current?.value).toBe(
      '271.45',
    );
  });

  it('finds no claim in sentences without a comparison, nor a “增加” of a reason', () => {
    expect(
      findComparisonClaims(
        '基本支出9312.9万元，占50.81%；综合管理费专项增加209万用于办公用房租赁。无2020年预算同比数，主要原因：新成立。',
      ),
    ).toEqual([]);
  });

  it('finds every claim of a long text, in reading order', () => {
    const claims = findComparisonClaims(
      '甲100万元，比上年增加10万元；乙50万元，比上年减少5万元，下降9.09%；丙0万元，与上年持平。',
    );
    expect(claims.map((c) => [c.current?.value, c.directionWord])).toEqual([
      ['100', '增加'],
      ['50', '减少'],
      ['0', '持平'],
    ]);
  });

  it('maps direction words to signs', () => {
    expect(['增加', '增长', '上升', '减少', '下降', '降低', '持平', '增加（减少）'].map(directionOf)).toEqual(
      ['up', 'up', 'up', 'down', 'down', 'down', 'flat', 'both'],
    );
  });
});
