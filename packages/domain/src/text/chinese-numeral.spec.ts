import { chineseNumeral } from './chinese-numeral';

describe('chineseNumeral', () => {
  it('numbers as headings and summary rows print them', () => {
    expect([1, 9, 10, 11, 12, 20, 21, 28, 99].map(chineseNumeral)).toEqual(['一', '九', '十', '十一', '十二', '二十', '二十一', '二十八', '九十九']);
  });

  it('refuses what it cannot write', () => {
    expect(() => chineseNumeral(0)).toThrow(RangeError);
    expect(() => chineseNumeral(100)).toThrow(RangeError);
    expect(() => chineseNumeral(1.5)).toThrow(RangeError);
  });
});
