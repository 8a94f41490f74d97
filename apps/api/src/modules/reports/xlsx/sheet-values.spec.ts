import { formatYuan, MAX_LINE_YUAN, type Fen } from '@budgetflow/domain';
import { sheetNumberToFen, yuanToSheetNumber } from './sheet-values';

const MAX_FEN = MAX_LINE_YUAN * 100n;

/** The amount through a sheet cell and back: what a re-imported workbook reads. */
function throughSheet(fen: bigint): Fen {
  return sheetNumberToFen(yuanToSheetNumber(formatYuan(fen)));
}

describe('amounts in a spreadsheet cell', () => {
  it('read back to the 分 at the edges of the range', () => {
    for (const fen of [0n, 1n, 10n, 30n, 99n, 101n, 123456789n, 2n ** 49n + 1n, MAX_FEN - 1n, MAX_FEN]) {
      expect(BigInt(throughSheet(fen))).toBe(fen);
    }
  });

  it('read back to the 分 for every amount of a sweep across the whole range, and for every 分 of the largest 元', () => {
    // A fixed linear congruential sequence: the same 20,000 amounts on every run, spread over 0 … 10^15 分.
    let x = 12345n;
    for (let i = 0; i < 20_000; i += 1) {
      x = (x * 6364136223846793005n + 1442695040888963407n) % 2n ** 64n;
      const fen = x % (MAX_FEN + 1n);
      expect(BigInt(throughSheet(fen))).toBe(fen);
    }
    for (let cents = 0n; cents < 100n; cents += 1n) {
      const fen = MAX_FEN - 100n + cents;
      expect(BigInt(throughSheet(fen))).toBe(fen);
    }
  });

  it('hold the number a person sees: its shortest form is the amount in 元', () => {
    expect(String(yuanToSheetNumber('9999999999999.99'))).toBe('9999999999999.99');
    expect(String(yuanToSheetNumber('0.10'))).toBe('0.1');
    expect(yuanToSheetNumber('1,234.50')).toBe(1234.5);
  });

  it('refuse what is not an amount, in the cell and out of it', () => {
    expect(() => yuanToSheetNumber('1.234')).toThrow();
    expect(() => yuanToSheetNumber(`${MAX_LINE_YUAN + 1n}`)).toThrow();
    expect(() => sheetNumberToFen(0.1 + 0.2)).toThrow();
  });
});
