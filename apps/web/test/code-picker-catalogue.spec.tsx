import { catalogueForYear, editionOf } from '@budgetflow/domain';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { CodePicker } from '../src/features/editor/code-picker';
import { useCatalogueInForce } from '../src/features/editor/use-catalogue';
import { I18nProvider } from '../src/lib/i18n';

/** The picker as the editor mounts it: over the edition in force the API answers for the budget's year. */
function PickerOfYear({ year, onChange }: { year: number; onChange(code: string): void }) {
  const catalogue = useCatalogueInForce(year);
  if (catalogue === null) return <p>…</p>;
  return <CodePicker catalogue={catalogue} kind="functional" value="2010350" onChange={onChange} label="功能科目" />;
}

function answering(edition: unknown) {
  const fetch = jest.fn(async () => ({ ok: true, status: 200, headers: { get: () => null }, json: async () => edition }));
  Object.assign(globalThis, { fetch });
  return fetch;
}

function renderPicker(onChange: (code: string) => void = () => undefined) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <I18nProvider initial="zh">
        <PickerOfYear year={2021} onChange={onChange} />
      </I18nProvider>
    </QueryClientProvider>,
  );
  return client;
}

const optionTexts = () => screen.queryAllByRole('option').map((o) => o.textContent ?? '');

describe('the code picker reads the edition in force from the API', () => {
  const shipped = editionOf(catalogueForYear(2021));

  it('offers a code only the uploaded edition has', async () => {
    const uploaded = { ...shipped, completeness: 'complete', source: 'upload', functional: [...shipped.functional, { code: '2010308', name: '信访事务' }] };
    const fetch = answering(uploaded);
    const client = renderPicker();
    const input = (await screen.findByRole('combobox', { name: '功能科目' })) as HTMLInputElement;
    expect(fetch).toHaveBeenCalledWith('/api/catalogue/2021', expect.objectContaining({ method: 'GET' }));
    fireEvent.change(input, { target: { value: '信访事务' } });
    expect(optionTexts()).toEqual(['2010308 信访事务']);
    client.clear();
  });

  it('does not offer a code the uploaded edition removed, nor one it lacks', async () => {
    answering({ ...shipped, completeness: 'complete', functional: shipped.functional.filter((e) => e.code !== '2010350' && e.code !== '2010301') });
    const client = renderPicker();
    const input = (await screen.findByRole('combobox', { name: '功能科目' })) as HTMLInputElement;
    fireEvent.change(input, { target: { value: '201030' } });
    await waitFor(() => expect(optionTexts().length).toBeGreaterThan(0));
    expect(optionTexts()).not.toContain('2010301 行政运行');
    expect(optionTexts()).toContain('2010302 一般行政管理事务');
    fireEvent.change(input, { target: { value: '信访事务' } });
    expect(optionTexts()).toEqual(['无匹配科目']);
    client.clear();
  });

  it('under the shipped (partial) edition offers a whole code it lacks under a known 款, saying so, and not one whose 款 is unknown too', async () => {
    answering(shipped);
    const onChange = jest.fn<void, [string]>();
    const client = renderPicker(onChange);
    const input = (await screen.findByRole('combobox', { name: '功能科目' })) as HTMLInputElement;
    fireEvent.change(input, { target: { value: '2010308' } });
    expect(optionTexts()).toEqual(['2010308 内置目录（不完整）未收录，上级 20103 在：请核对其名称']);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onChange).toHaveBeenCalledWith('2010308');
    fireEvent.change(input, { target: { value: '2019901' } }); // its 款 20199 is not known either
    expect(optionTexts()).toEqual(['无匹配科目']);
    client.clear();
  });

  it('a complete edition offers only its own codes', async () => {
    answering({ ...shipped, completeness: 'complete' });
    const client = renderPicker();
    const input = (await screen.findByRole('combobox', { name: '功能科目' })) as HTMLInputElement;
    fireEvent.change(input, { target: { value: '2010308' } });
    expect(optionTexts()).toEqual(['无匹配科目']);
    client.clear();
  });
});
