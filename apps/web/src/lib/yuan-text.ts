import { formatYuan, MONEY_REASONS, MoneyError, parseFen, type TLocalizedText } from '@budgetflow/domain';

/**
 * Amounts as people type and read them in the editor: 元 with thousands separators, exact.
 * Parsing is the domain's parseFen (which accepts "1,234.5"); this file only adds the commas
 * for display, as text, so no amount ever passes through a JavaScript float.
 */
export function groupYuan(canonical: string): string {
  const negative = canonical.startsWith('-');
  const [whole = '0', decimals] = (negative ? canonical.slice(1) : canonical).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${decimals === undefined ? '' : `.${decimals}`}`;
}

export type TParsedYuan = { ok: true; yuan: string } | { ok: false; reason: TLocalizedText };

/** What the person typed, as the canonical "1234.50" or the domain's reason for refusing it (in both languages). */
export function parseYuanInput(text: string): TParsedYuan {
  try {
    const yuan = formatYuan(parseFen(text));
    return yuan.startsWith('-') ? { ok: false, reason: MONEY_REASONS.NEGATIVE } : { ok: true, yuan };
  } catch (error) {
    if (error instanceof MoneyError) return { ok: false, reason: MONEY_REASONS[error.code] };
    throw error;
  }
}
