import { cleanup, render, screen } from '@testing-library/react';
import { OpenedForBanner } from '../src/features/editor/opened-for-banner';
import { I18nProvider, type TLocale } from '../src/lib/i18n';
import type { TBudgetView } from '../src/lib/api-types';

function show(budget: Pick<TBudgetView, 'state' | 'openedFor'>, locale: TLocale = 'zh') {
  render(
    <I18nProvider initial={locale}>
      <OpenedForBanner budget={budget} />
    </I18nProvider>,
  );
}

describe('why a revision was opened, on its desks', () => {
  afterEach(cleanup);

  it('tells the preparer and the publisher the reason of the 更正, and that the published version stays public', () => {
    show({ state: 'draft', openedFor: { action: 'revise', reason: '基本工资测算有误' } });
    expect(screen.getByRole('note').textContent).toBe('更正理由：基本工资测算有误 已公开的版本仍对外公开，直至新版本公开。');
  });

  it('tells the reason of a 预算调整 while it is reviewed, in English too', () => {
    show({ state: 'submitted', openedFor: { action: 'adjust', reason: '追加专项经费' } }, 'en');
    expect(screen.getByRole('note').textContent).toBe('Reason for the adjustment: 追加专项经费');
  });

  it('says nothing for a revision nobody reopened, or once the reopened one is approved', () => {
    show({ state: 'draft', openedFor: null });
    show({ state: 'approved', openedFor: { action: 'revise', reason: '已批复' } });
    expect(screen.queryByRole('note')).toBeNull();
  });
});
