import { catalogueForYear, deriveDisclosure } from '@budgetflow/domain';
import { fireEvent, render, screen } from '@testing-library/react';
import { ERROR_STATUS } from '../../api/src/common/errors/error-codes';
import { SubmitDialog } from '../src/features/editor/submit-dialog';
import { ApiError } from '../src/lib/api-client';
import { I18nProvider, translate, type TLocale } from '../src/lib/i18n';
import { problemText } from '../src/lib/problem-text';
import { seedDocument } from './budget-fixture';

const zh = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate('zh', key, values);
const en = (key: Parameters<typeof translate>[1], values?: Record<string, string | number>) => translate('en', key, values);

/** OVER_CEILING as the API answers it: the detail in English and raw 分, the excesses in `exceeded`. */
function overCeiling(): ApiError {
  const exceeded = [
    { ceiling: 'total', name: '支出总额', ceilingFen: '100000000', amountFen: '123456789', excessFen: '23456789' },
    { ceiling: 'sangong', name: '“三公”经费', ceilingFen: '500000', amountFen: '500001', excessFen: '1' },
  ];
  return new ApiError(409, 'OVER_CEILING', 'the budget exceeds 支出总额 by 23456789 分, “三公”经费 by 1 分', [], null, { code: 'OVER_CEILING', exceeded });
}

describe('what the API refused, in the person’s language', () => {
  it('has Chinese and English words for every error code the API answers with', () => {
    for (const code of Object.keys(ERROR_STATUS)) {
      const error = new ApiError(ERROR_STATUS[code as keyof typeof ERROR_STATUS], code, `an English detail of ${code}`);
      const chinese = problemText(error, zh);
      expect(chinese).not.toMatch(/[A-Za-z]{3,}/);
      expect(chinese).not.toContain(code);
      expect(problemText(error, en)).not.toContain('an English detail');
    }
  });

  it('names each exceeded ceiling and its excess in 元 with separators, exactly', () => {
    expect(problemText(overCeiling(), zh)).toBe('超出控制数，不能送审：支出总额超出 234,567.89 元；“三公”经费超出 0.01 元');
    expect(problemText(overCeiling(), en)).toBe('Over the ceilings (控制数), so it cannot be submitted: 支出总额 over by 234,567.89 yuan; “三公”经费 over by 0.01 yuan');
  });

  it('says which rule of the password policy a refused password breaks, with its number', () => {
    const refused = (rule: string, limit?: number) =>
      new ApiError(400, 'PASSWORD_REJECTED', 'The new password must be at least 12 characters', [{ path: 'password', message: 'must be at least 12 characters' }], null, { code: 'PASSWORD_REJECTED', rule, ...(limit === undefined ? {} : { limit }) });
    expect(problemText(refused('min-length', 12), zh)).toBe('密码不符合密码策略：至少 12 个字符');
    expect(problemText(refused('min-length', 12), en)).toBe('The password breaks the policy: at least 12 characters');
    expect(problemText(refused('reused', 5), zh)).toBe('密码不符合密码策略：不能与最近 5 次的密码相同');
    expect(problemText(refused('contains-username'), zh)).toBe('密码不符合密码策略：不能包含用户名');
    expect(problemText(refused('something-new'), zh)).toBe('密码不符合密码策略');
  });

  it('names the refused fields a person knows and counts the others', () => {
    const refused = new ApiError(400, 'VALIDATION_FAILED', 'invalid', [
      { path: 'reason', message: 'a reason is required to return a budget' },
      { path: 'lines.3.amountFen', message: 'Too big' },
      { path: 'lines.4.code', message: 'Invalid' },
    ]);
    expect(problemText(refused, zh)).toBe('填写的内容有误：理由、1 处');
    expect(problemText(new ApiError(400, 'VALIDATION_FAILED', 'invalid'), zh)).toBe('填写的内容有误');
  });

  it('says the server cannot be reached when fetch fails, a code it does not know by its status, and keeps the client’s own words', () => {
    expect(problemText(new TypeError('Failed to fetch'), zh)).toBe('无法连接服务器，请检查网络后重试');
    expect(problemText(new ApiError(502, '502', 'Bad Gateway'), zh)).toBe('操作未完成（502）');
    expect(problemText(new Error('金额格式有误'), zh)).toBe('金额格式有误');
  });
});

describe('the submit dialog refused over a ceiling', () => {
  const seed = seedDocument();
  const disclosure = deriveDisclosure(seed, catalogueForYear(seed.fiscalYear));

  async function refusedIn(locale: TLocale): Promise<string> {
    render(
      <I18nProvider initial={locale}>
        <SubmitDialog disclosure={disclosure} findings={[]} lineCount={seed.expenditureLines.length} unsaved={0} onSubmit={() => Promise.reject(overCeiling())} onCancel={() => undefined} />
      </I18nProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: locale === 'zh' ? '确认送审' : 'Submit for review' }));
    return (await screen.findByRole('alert')).textContent ?? '';
  }

  it('says which ceilings in Chinese, never the English detail', async () => {
    const shown = await refusedIn('zh');
    expect(shown).toContain('支出总额超出 234,567.89 元');
    expect(shown).not.toContain('exceeds');
    expect(shown).not.toContain('分');
  });

  it('says it in English in English', async () => {
    expect(await refusedIn('en')).toContain('支出总额 over by 234,567.89 yuan');
  });
});
