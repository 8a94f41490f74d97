import { formatYuan, parseFen, sumFen, type Fen } from './fen';
import { MoneyError } from './money-error';

describe('parseFen', () => {
  it.each([
    ['1234.50', 123450],
    ['1,234.50', 123450],
    ['1234.5', 123450],
    ['0.01', 1],
    ['-3', -300],
    ['3970000.00', 397000000],
  ])('reads %s as %d 分', (text, fen) => {
    expect(parseFen(text)).toBe(fen);
  });

  it.each([
    ['1e5', 'EXPONENT'],
    ['12.345', 'TOO_MANY_DECIMALS'],
    ['abc', 'NOT_A_NUMBER'],
    ['', 'EMPTY'],
    ['12,34.5', 'NOT_A_NUMBER'],
    ['100000000000000', 'OUT_OF_RANGE'],
  ])('refuses %s with %s', (text, code) => {
    expect(() => parseFen(text)).toThrow(expect.objectContaining({ code }) as MoneyError);
  });

  it('refuses a float that has no exact decimal form', () => {
    expect(() => parseFen(1e-7)).toThrow(MoneyError);
    expect(() => parseFen(Number.NaN)).toThrow(MoneyError);
  });
});

describe('formatYuan and sumFen', () => {
  it('round-trips canonical text', () => {
    expect(formatYuan(parseFen('1,234.5'))).toBe('1234.50');
    expect(formatYuan(parseFen('-0.05'))).toBe('-0.05');
  });
  it('adds 0.1 + 0.2 exactly', () => {
    expect(formatYuan(sumFen([parseFen('0.1'), parseFen('0.2')]))).toBe('0.30');
  });
  it('refuses a total beyond the exact range', () => {
    const big = Number.MAX_SAFE_INTEGER as Fen;
    expect(() => sumFen([big, big])).toThrow(MoneyError);
  });
});
