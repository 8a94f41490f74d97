import type { TBudgetDocument } from '@budgetflow/domain';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { TemplatePicker } from '../src/features/editor/template-picker';
import { I18nProvider } from '../src/lib/i18n';
import { seedDocument } from './budget-fixture';

const seed = seedDocument();

function renderPicker(onChange: (doc: TBudgetDocument) => Promise<void>, options: { saved?: TBudgetDocument; unsaved?: number; lang?: 'zh' | 'en' } = {}) {
  render(
    <I18nProvider initial={options.lang ?? 'zh'}>
      <TemplatePicker saved={options.saved ?? seed} editable unsaved={options.unsaved ?? 0} onChange={onChange} />
    </I18nProvider>,
  );
}

describe('the disclosure template picker', () => {
  it('saves the document under the template chosen, and offers the 单位 scope where the template has one', async () => {
    const saved: TBudgetDocument[] = [];
    renderPicker((doc) => {
      saved.push(doc);
      return Promise.resolve();
    });
    const select = screen.getByLabelText('公开模板') as HTMLSelectElement;
    expect(select.value).toBe('hubei-2020');
    expect(screen.queryByLabelText('公开范围')).toBeNull();
    fireEvent.change(select, { target: { value: 'shanghai-district' } });
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]).toEqual({ ...seed, template: 'shanghai-district', scope: 'department' });
  });

  it('changes the scope of a template that prints both', async () => {
    const saved: TBudgetDocument[] = [];
    renderPicker(
      (doc) => {
        saved.push(doc);
        return Promise.resolve();
      },
      { saved: { ...seed, template: 'shanghai-district', scope: 'department' } },
    );
    fireEvent.change(screen.getByLabelText('公开范围'), { target: { value: 'unit' } });
    await waitFor(() => expect(saved.map((d) => [d.template, d.scope])).toEqual([['shanghai-district', 'unit']]));
  });

  it('waits for unsaved edits to be saved first, and says why in English too', () => {
    const onChange = jest.fn(() => Promise.resolve());
    renderPicker(onChange, { unsaved: 2, lang: 'en' });
    const select = screen.getByLabelText('Disclosure template') as HTMLSelectElement;
    expect(select.disabled).toBe(true);
    expect(select.title).toBe('Save your changes before changing the template');
  });

  it('says so when the API refuses, and keeps the template as saved', async () => {
    renderPicker(() => Promise.reject(new Error('The budget changed since you opened it')));
    fireEvent.change(screen.getByLabelText('公开模板'), { target: { value: 'jiangsu-province' } });
    expect((await screen.findByRole('alert')).textContent).toBe('更换模板失败：The budget changed since you opened it');
    expect((screen.getByLabelText('公开模板') as HTMLSelectElement).value).toBe('hubei-2020');
  });
});
