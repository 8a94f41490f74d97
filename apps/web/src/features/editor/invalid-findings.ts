import type { TExpenditureLine, TFinding, TIncomeLine } from '@budgetflow/domain';
import type { TInvalidCell } from './working-copy';

const FIELD_WORDS: Readonly<Record<string, { zh: string; en: string }>> = {
  amount: { zh: '金额', en: 'amount' },
  functionCode: { zh: '功能科目', en: 'functional code' },
  economicCode: { zh: '经济科目', en: 'economic code' },
};

/**
 * What was typed and refused (an amount that is none, a code the catalogue lacks) as findings
 * that block the save, listed with the rule set's and pointing at the cell: the text is only in
 * the browser, so the derivation's findings cannot name it. A line's cell is `lineId:field`, an
 * income line's amount `income:lineId`; cells of lines no longer there are left out.
 */
export function invalidCellFindings(
  invalid: ReadonlyMap<string, TInvalidCell>,
  lines: readonly TExpenditureLine[],
  incomeLines: readonly TIncomeLine[],
): TFinding[] {
  if (invalid.size === 0) return [];
  const findings: TFinding[] = [];
  for (const [key, cell] of invalid) {
    const at = key.lastIndexOf(':');
    const [head, tail] = [key.slice(0, at), key.slice(at + 1)];
    if (head === 'income') {
      const index = incomeLines.findIndex((l) => l.id === tail);
      if (index < 0) continue;
      findings.push(refusal(cell, FIELD_WORDS.amount!, { kind: 'document', path: `incomeLines.${index}.amount` }));
    } else if (lines.some((l) => l.id === head)) {
      findings.push(refusal(cell, FIELD_WORDS[tail] ?? FIELD_WORDS.amount!, { kind: 'line', lineId: head, field: tail }));
    }
  }
  return findings;
}

function refusal(cell: TInvalidCell, field: { zh: string; en: string }, location: TFinding['location']): TFinding {
  return {
    ruleId: 'EDITOR.TYPED_NOT_VALID',
    severity: 'error',
    message: {
      zh: `${field.zh}「${cell.text}」未能保存：${cell.reason.zh}`,
      en: `${field.en} “${cell.text}” cannot be saved: ${cell.reason.en}`,
    },
    location,
  };
}
