/** Why an amount was refused; stable codes that the API and the client map to messages. */
export type MoneyErrorCode =
  | 'NOT_A_STRING'
  | 'EMPTY'
  | 'NOT_A_NUMBER'
  | 'EXPONENT'
  | 'TOO_MANY_DECIMALS'
  | 'OUT_OF_RANGE'
  | 'INEXACT_FLOAT';

export class MoneyError extends Error {
  constructor(
    readonly code: MoneyErrorCode,
    readonly input: unknown,
    message: string,
  ) {
    super(message);
    this.name = 'MoneyError';
  }
}

/** Why an amount was refused, in the words of the person who typed it (the error's own message is for logs). */
export const MONEY_REASONS: Readonly<Record<MoneyErrorCode | 'NEGATIVE', { zh: string; en: string }>> = {
  NOT_A_STRING: { zh: '不是金额', en: 'not an amount' },
  EMPTY: { zh: '金额为空', en: 'the amount is empty' },
  NOT_A_NUMBER: { zh: '不是金额', en: 'not an amount' },
  EXPONENT: { zh: '金额不能用科学计数法', en: 'no exponents in amounts' },
  TOO_MANY_DECIMALS: { zh: '金额最多两位小数（分）', en: 'at most two decimals (分)' },
  OUT_OF_RANGE: { zh: '金额超出范围', en: 'the amount is out of range' },
  INEXACT_FLOAT: { zh: '不是精确金额', en: 'not an exact amount' },
  NEGATIVE: { zh: '金额不能为负数', en: 'the amount may not be negative' },
};
