import { Decimal } from 'decimal.js';
import { formatAmount, formatSteps, roundFenToSteps, shareOfTotal } from './display';
import { parseFen, type Fen } from './fen';
import { MoneyError } from './money-error';

const yuan = (text: string): Fen => parseFen(text);

describe('formatAmount in 万元, half up, one decimal by default', () => {
  it.each([
    ['4170800.00', '417.1'], // the seed's 417.08
    ['2754800.00', '275.5'], // the seed's 275.48
    ['6044000.00', '604.4'],
    ['3970000.00', '397.0'],
    ['25200.00', '2.5'],
    ['0.00', '0.0'],
    ['5000.00', '0.5'],
    ['4999.99', '0.5'], // 0.499999 → 0.5
    ['4999.00', '0.5'],
    ['499.99', '0.0'],
    ['500.00', '0.1'], // exactly half a step rounds up
    ['1499.99', '0.1'],
    ['1500.00', '0.2'],
    ['99950.00', '10.0'], // carries into the whole part
    ['-4170800.00', '-417.1'], // negatives round away from zero at the half
    ['-500.00', '-0.1'],
    ['-499.99', '0.0'], // no "-0.0"
    ['99999999999.99', '10000000.0'], // 9999999.999999 carries through every digit
  ])('%s 元 → %s', (amount, shown) => {
    expect(formatAmount(yuan(amount))).toBe(shown);
  });

  it.each([
    ['4170800.00', { decimals: 2 }, '417.08'],
    ['4170850.00', { decimals: 2 }, '417.09'],
    ['4170849.99', { decimals: 2 }, '417.08'],
    ['-50.00', { decimals: 2 }, '-0.01'],
    ['4170800.00', { unit: 'yuan' }, '4170800.00'],
    ['0.05', { unit: 'yuan', decimals: 1 }, '0.1'],
    ['-0.05', { unit: 'yuan', decimals: 1 }, '-0.1'],
    ['-0.04', { unit: 'yuan', decimals: 1 }, '0.0'],
    ['1234.56', { unit: 'yuan', decimals: 2 }, '1234.56'],
    ['6044000.00', { unit: 'wan', decimals: 1 }, '604.4'],
  ] as const)('%s 元 with %j → %s', (amount, format, shown) => {
    expect(formatAmount(yuan(amount), format)).toBe(shown);
  });
});

describe('formatAmount in the default formats (without BigInt)', () => {
  it('agrees with the exact step arithmetic on many amounts, halves and negatives included', () => {
    let seed = 99;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const amounts = [0, -1, 1, 49_999, 50_000, -50_000, 149_999, 150_000, 99_999_999_950_000, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER];
    for (let i = 0; i < 20_000; i++) amounts.push((i % 3 === 0 ? -1 : 1) * next() * (next() % 1000));
    for (const fen of amounts) {
      expect(formatAmount(fen)).toBe(formatSteps(roundFenToSteps(fen, 'wan', 1), 1));
      expect(formatAmount(fen, { unit: 'yuan' })).toBe(formatSteps(roundFenToSteps(fen, 'yuan', 2), 2));
    }
  });
});

describe('shareOfTotal in percent, half up', () => {
  const wan = (text: string) => parseFen(text) * 10_000;
  it.each([
    ['207.4', '604.4', 1, '34.3'], // 34.3150…
    ['397', '604.4', 1, '65.7'], // 65.6850…
    ['143.6', '604.4', 1, '23.8'],
    ['16.4', '604.4', 1, '2.7'],
    ['23.1', '604.4', 1, '3.8'],
    ['24.3', '604.4', 1, '4.0'], // the seed wrote 4%
    ['24.3', '604.4', 2, '4.02'],
    ['604.4', '604.4', 1, '100.0'],
    ['1', '8', 1, '12.5'], // exactly 12.5
    ['1', '16', 1, '6.3'], // 6.25 → 6.3: the half goes up
    ['1', '16', 2, '6.25'],
    ['1', '3', 0, '33'],
    ['-1', '16', 1, '-6.3'],
    ['0', '604.4', 1, '0.0'],
  ])('%s of %s to %d decimals → %s', (part, total, decimals, share) => {
    expect(shareOfTotal(wan(part), wan(total), decimals as 0 | 1 | 2)).toBe(share);
  });

  it('is exact where floats are not: 0.1 of 0.3 元', () => {
    expect(shareOfTotal(parseFen('0.10'), parseFen('0.30'), 2)).toBe('33.33');
    expect(shareOfTotal(parseFen('0.15'), parseFen('1.00'), 1)).toBe('15.0');
  });

  it('writes a zero total as zero share, and refuses a nonzero part of it', () => {
    expect(shareOfTotal(0, 0)).toBe('0.0');
    expect(() => shareOfTotal(100, 0)).toThrow(MoneyError);
  });

  it('never writes a negative zero', () => {
    expect(shareOfTotal(-1, 100_000_000, 1)).toBe('0.0');
  });

  it('agrees with decimal.js, half up, on many shares of whole 分 up to the exact range', () => {
    const Exact = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
    const reference = (part: number, total: number, decimals: number) => {
      const text = new Exact(part).times(100).dividedBy(total).toFixed(decimals, Decimal.ROUND_HALF_UP);
      return /^-[0.]+$/.test(text) ? text.slice(1) : text;
    };
    const edge = Number.MAX_SAFE_INTEGER;
    for (let i = 1; i < 3_000; i++) {
      const total = i % 3 === 0 ? (i * 2_654_435_761) % edge : (i * 7_919) % 1_000_003;
      const part = i % 5 === 0 ? total : i % 7 === 0 ? -((i * 104_729) % edge) : (i * 104_729) % (total + 1);
      if (total === 0) continue;
      for (const decimals of [0, 1, 2] as const) {
        expect(shareOfTotal(part, total, decimals)).toBe(reference(part, total, decimals));
        expect(shareOfTotal(part, -total, decimals)).toBe(reference(part, -total, decimals));
      }
    }
    // exact halves, where rounding decides
    expect(shareOfTotal(1, 16, 1)).toBe(reference(1, 16, 1));
    expect(shareOfTotal(-1, 16, 1)).toBe(reference(-1, 16, 1));
    expect(shareOfTotal(1, 200_000, 2)).toBe(reference(1, 200_000, 2));
  });
});
