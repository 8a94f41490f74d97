const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一: the numbering of headings, glossary entries and summary rows (1–99). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`no Chinese numeral for ${n}`);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const tenText = tens === 0 ? '' : `${tens === 1 ? '' : DIGITS[tens]}十`;
  return `${tenText}${ones === 0 ? '' : DIGITS[ones]}`;
}
