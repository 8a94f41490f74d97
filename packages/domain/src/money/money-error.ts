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
