import { catalogueForYear, editionOf } from '@budgetflow/domain';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { CodePicker } from '../src/features/editor/code-picker';
import { useCatalogueInForce } from '../src/features/editor/use-catalogue';
import { I18nProvider } from '../src/lib/i18n';

/** The picker as the editor mounts it: over the edition in force the API answers for the budget's year. */
function PickerOfYear({ year }: { year: number }) {
  const catalogue = useCatalogueInForce(year);
  if (catalogue === null) return <p>…</p>;
  return <CodePicker catalogue={catalogue} kind="functional" value="2010350" onChange={() => undefined} label="功能科目" />;
}

function answering(edition: unknown) {
  const fetch = jest.fn(async () => ({ ok: true, status: 200, headers: { get: () => null }, json: async () => edition }));
  Object.assign(globalThis, { fetch });
  return fetch;
}

function renderPicker() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <I18nProvider initial="zh">
        <PickerOfYear year={2021} />
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

  it('does not offer it under the shipped edition, nor a code the upload removed', async () => {
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
});
