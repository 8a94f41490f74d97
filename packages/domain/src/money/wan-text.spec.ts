import { parseFen } from './fen';
import { parseWanText, wanTextMatchesFen } from './wan-text';

describe('parseWanText', () => {
  it.each([
    ['604.4', 604_400_000, 1],
    ['397', 397_000_000, 0],
    ['604. 4', 604_400_000, 1], // PDF extraction noise
    ['1,234.5', 1_234_500_000, 1],
    ['0.0', 0, 1],
    ['-2.52', -2_520_000, 2],
    ['417.080001', 417_080_001, 6],
  ])('%s → %d 分 written with %d decimals', (text, fen, decimals) => {
    expect(parseWanText(text)).toEqual({ fen, decimals });
  });

  it.each(['', 'abc', '1e3', '4%', '12.3456789', '1,23.4', '.5', '5.'])('refuses %j', (text) => {
    expect(parseWanText(text)).toBeUndefined();
  });
});

describe('wanTextMatchesFen', () => {
  const fen = (yuan: string) => parseFen(yuan);
  it.each([
    ['417.1', '4170800.00', 1, true],
    ['417.0', '4170800.00', 1, false],
    ['417.08', '4170800.00', 1, true], // more precise than the policy, and right
    ['417.09', '4170800.00', 1, false],
    ['275.5', '2754800.00', 1, true],
    ['397', '3970000.00', 1, true], // trailing zero left out
    ['397', '3970400.00', 1, true], // 397.04 rounds to 397.0
    ['397', '3974000.00', 1, false], // 397.4 prints as 397.4
    ['397', '3969500.00', 1, true], // 396.95 rounds up to 397.0
    ['2.5', '25200.00', 1, true],
    ['2.52', '25200.00', 2, true],
    ['2.5', '25200.00', 2, false], // at two decimals the amount reads 2.52
    ['0.8', '8000.00', 1, true],
    ['0', '0.00', 1, true],
    ['-0.1', '-500.00', 1, true],
    ['0.1', '-500.00', 1, false],
    ['604.4', '6044000.00', 1, true],
    ['604.5', '6044000.00', 1, false],
    ['abc', '0.00', 1, false],
  ])('%s 万元 for %s 元 at %d decimals → %s', (text, amount, decimals, matches) => {
    expect(wanTextMatchesFen(text, fen(amount), decimals)).toBe(matches);
  });
});
