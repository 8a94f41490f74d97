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
    ['-2.5E+3', 'EXPONENT'],
    ['<script>alert(1)</script>', 'NOT_A_NUMBER'],
    ['one', 'NOT_A_NUMBER'],
    ['12.345', 'TOO_MANY_DECIMALS'],
    ['abc', 'NOT_A_NUMBER'],
    ['', 'EMPTY'],
    ['12,34.5', 'NOT_A_NUMBER'],
    ['100000000000000', 'OUT_OF_RANGE'],
  ])('refuses %s with %s', (text, code) => {
    expect(() => parseFen(text)).toThrow(expect.objectContaining({ code }) as MoneyError);
  });

  it.each([
    ['１２３４．５６', 123456],
    ['１，２３４．５０', 123450],
    ['1，234.5', 123450],
    ['12，345，678．９', 1234567890],
    ['1、234、567.89', 123456789],
    ['－１２．３', -1230],
    ['−0.05', -5],
    ['\u3000１２３\u3000', 12300],
    ['９９９９９９９９９９９９９．９９', 999999999999999],
  ])('reads what a Chinese input method types, %s, as %d 分 exactly', (text, fen) => {
    expect(parseFen(text)).toBe(fen);
  });

  it.each([
    ['１２．３４５', 'TOO_MANY_DECIMALS'],
    ['1、2', 'NOT_A_NUMBER'],
    ['12、34.5', 'NOT_A_NUMBER'],
    ['１２a', 'NOT_A_NUMBER'],
    ['1．2．3', 'NOT_A_NUMBER'],
    ['１　２３４', 'NOT_A_NUMBER'],
    ['－－1', 'NOT_A_NUMBER'],
  ])('still refuses full-width text that is no amount, %s, with %s', (text, code) => {
    expect(() => parseFen(text)).toThrow(expect.objectContaining({ code }) as MoneyError);
  });

  it('refuses a float that has no exact decimal form', () => {
    expect(() => parseFen(1e-7)).toThrow(MoneyError);
    expect(() => parseFen(Number.NaN)).toThrow(MoneyError);
  });
});

describe('parseFen on canonical text', () => {
  /** The general path's arithmetic, in BigInt, as the reference for the fast path. */
  const reference = (text: string) => {
    const [whole = '', decimals = ''] = text.replace('-', '').split('.');
    const fen = Number(BigInt(whole) * 100n + BigInt(decimals));
    return text.startsWith('-') && fen !== 0 ? -fen : fen;
  };

  it.each(['0.00', '-0.00', '0.01', '-0.01', '1234.50', '0001.00', '9999999999999.99', '-9999999999999.99', '2754800.00'])(
    'reads %s exactly',
    (text) => {
      expect(parseFen(text)).toBe(reference(text));
      expect(Object.is(parseFen(text), -0)).toBe(false);
    },
  );

  it('agrees with exact arithmetic on many amounts, and round-trips through formatYuan', () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let i = 0; i < 20_000; i++) {
      const whole = String(next() * (next() % 5000));
      const text = `${i % 7 === 0 ? '-' : ''}${whole.slice(0, 13)}.${String(next() % 100).padStart(2, '0')}`;
      expect(parseFen(text)).toBe(reference(text));
      if (reference(text) !== 0) expect(formatYuan(parseFen(text))).toBe(text);
    }
  });

  it('still refuses what only looks canonical', () => {
    expect(parseFen('10000000000000.00')).toBe(1e15); // the largest line, through the general path
    expect(() => parseFen('10000000000000.01')).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE' }) as MoneyError);
    expect(() => parseFen(' 1.00x')).toThrow(MoneyError);
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
  it('writes a number of 分 as its exact bigint does, to the edge of the exact range', () => {
    const edge = Number.MAX_SAFE_INTEGER;
    const samples = [0, 1, 9, 10, 99, 100, 101, 1_000, 123_456_789, edge - 100, edge - 1, edge];
    for (let i = 0; i < 2_000; i++) samples.push(Math.floor((i * 2_654_435_761) % edge));
    for (const fen of samples.flatMap((n) => [n, -n])) expect(formatYuan(fen as Fen)).toBe(formatYuan(BigInt(fen)));
    expect(formatYuan(-0 as Fen)).toBe('0.00');
  });
  it('refuses a total beyond the exact range', () => {
    const big = Number.MAX_SAFE_INTEGER as Fen;
    expect(() => sumFen([big, big])).toThrow(MoneyError);
  });
});
