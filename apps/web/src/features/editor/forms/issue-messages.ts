import type { z } from 'zod';
import type { TLocale } from '../../../lib/i18n';

type TIssue = z.core.$ZodIssue;
type TWords = { zh: string; en: string };

/** What a malformed code or id must look like, by the field's name (the schema's regexes). */
const FORMATS: Record<string, TWords> = {
  code: { zh: '编码为 1–20 位字母或数字', en: 'a code is 1–20 letters or digits' },
  unitCode: { zh: '单位编码为 1–20 位字母或数字', en: 'a unit code is 1–20 letters or digits' },
  economicCode: { zh: '经济科目为 5 位数字（款）', en: 'an economic code has 5 digits (款)' },
  functionCode: { zh: '功能科目为 7 位数字（项）', en: 'a functional code has 7 digits (项)' },
  id: { zh: '编号只能由字母、数字和 - _ . 组成', en: 'ids are letters, digits, "-", "_" or "."' },
};

const MONEY: Record<string, TWords> = {
  EMPTY: { zh: '请填写金额', en: 'enter an amount' },
  TOO_MANY_DECIMALS: { zh: '金额最多两位小数（到分）', en: 'at most two decimals (分)' },
  EXPONENT: { zh: '金额不能用科学计数法', en: 'no exponents in amounts' },
  OUT_OF_RANGE: { zh: '金额超出允许范围', en: 'the amount is out of range' },
  NOT_A_NUMBER: { zh: '不是金额，例如 1,234.50', en: 'not an amount, e.g. 1,234.50' },
};

function words(issue: TIssue): TWords {
  const field = String(issue.path.at(-1) ?? '');
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1
          ? { zh: '必填', en: 'required' }
          : { zh: `至少 ${issue.minimum} 个字`, en: `at least ${issue.minimum} characters` };
      if (issue.origin === 'array') return { zh: `至少 ${issue.minimum} 项`, en: `at least ${issue.minimum} entries` };
      return { zh: `不能小于 ${issue.minimum}`, en: `may not be less than ${issue.minimum}` };
    case 'too_big':
      if (issue.origin === 'string') return { zh: `不能超过 ${issue.maximum} 个字`, en: `at most ${issue.maximum} characters` };
      return { zh: `不能大于 ${issue.maximum}`, en: `may not be more than ${issue.maximum}` };
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int'
        ? { zh: '请填写整数', en: 'enter a whole number' }
        : { zh: '请填写', en: 'required' };
    case 'invalid_format':
      return FORMATS[field] ?? { zh: '格式不正确', en: 'not in the expected form' };
    case 'invalid_value':
      return { zh: '请从列表中选择', en: 'choose one of the list' };
    case 'custom': {
      const money = (issue.params as { moneyError?: string } | undefined)?.moneyError;
      if (money !== undefined) return MONEY[money] ?? MONEY.NOT_A_NUMBER!;
      if (issue.message.includes('negative')) return { zh: '金额不能为负数', en: 'the amount may not be negative' };
      if (issue.message.includes('control character') || issue.message.includes('NUL') || issue.message.includes('surrogate'))
        return { zh: '含有不可见的控制字符', en: 'contains an invisible control character' };
      if (issue.message.includes('add up to more than')) return { zh: '合计超出一个预算允许的最大金额', en: issue.message };
      return { zh: '填写有误', en: issue.message };
    }
    default:
      return { zh: '填写有误', en: issue.message };
  }
}

/** A schema's refusal as the person reads it: one message per field, by the field's path. */
export function fieldMessages(issues: readonly TIssue[], locale: TLocale, prefix: string): Map<string, string> {
  const messages = new Map<string, string>();
  for (const issue of issues) {
    const path = [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.');
    if (!messages.has(path)) messages.set(path, words(issue)[locale]);
  }
  return messages;
}
