import { ValueTransformer } from 'typeorm';

/**
 * For `numeric(18,2)` money columns: pg hands numeric back as text and we keep it that way
 * (元 with 2 decimals, e.g. "1234.50"); a number reaching this transformer is a bug, not data.
 * Usage: `@Column({ type: 'numeric', precision: 18, scale: 2, transformer: moneyTransformer })`.
 */
export const moneyTransformer: ValueTransformer = {
  to(value: unknown): string | null | undefined {
    if (value === null || value === undefined) return value;
    if (typeof value !== 'string') throw new TypeError('money must be written as a decimal string, never a number');
    return value;
  },
  from(value: unknown): string | null {
    if (value === null) return null;
    if (typeof value !== 'string') throw new TypeError('numeric column was not read as text');
    return value;
  },
};
