import { catalogueForYear, countErrors, type Catalogue } from '@budgetflow/domain';
import { act, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { useDerivation } from '../src/features/editor/derive/use-derivation';
import { setLine, startWorkingCopy, type TWorkingCopy } from '../src/features/editor/working-copy';
import { seedDocument } from './budget-fixture';

const seed = seedDocument();
const catalogue = catalogueForYear(seed.fiscalYear);
const [first] = seed.expenditureLines;

let setCopy: (copy: TWorkingCopy) => void = () => undefined;

/** What the editor shows of a derivation: the error count, and whether it lags the copy. */
function Findings({ start, codes }: { start: TWorkingCopy; codes: Catalogue }) {
  const [copy, set] = useState(start);
  setCopy = set;
  const { derived, stale } = useDerivation(copy, codes);
  return (
    <p>
      <span aria-label="errors">{derived === null ? '—' : countErrors(derived.findings)}</span>
      <span aria-label="stale">{String(stale)}</span>
    </p>
  );
}

const text = (label: string) => screen.getByLabelText(label).textContent;

describe("the editor's tables and findings, derived off the typing", () => {
  const balanced = startWorkingCopy(seed, 1);

  it('follows each edit: stale while an answer is on its way, then the latest edit’s findings', async () => {
    render(<Findings start={balanced} codes={catalogue} />);
    await waitFor(() => expect(text('stale')).toBe('false'), { timeout: 20_000 });
    const before = Number(text('errors'));

    act(() => setCopy(setLine(balanced, { ...first!, amount: '1.00' })));
    act(() => setCopy(setLine(balanced, { ...first!, amount: '987654321.00' })));
    expect(text('stale')).toBe('true');
    await waitFor(() => expect(text('stale')).toBe('false'), { timeout: 20_000 });
    // income no longer meets expenditure: the balance rules find it
    expect(Number(text('errors'))).toBeGreaterThan(before);

    act(() => setCopy(balanced));
    await waitFor(() => expect(text('stale')).toBe('false'), { timeout: 20_000 });
    expect(Number(text('errors'))).toBe(before);
  });

  describe('where the worker breaks', () => {
    const listeners: (() => void)[] = [];
    beforeAll(() => {
      // A worker whose script cannot start: it only ever reports an error.
      class BrokenWorker {
        addEventListener(type: string, listener: (event: { preventDefault(): void }) => void) {
          if (type === 'error') listeners.push(() => listener({ preventDefault: () => undefined }));
        }
        postMessage(): void {}
        terminate(): void {}
      }
      Object.assign(globalThis, { Worker: BrokenWorker });
    });
    afterAll(() => {
      delete (globalThis as { Worker?: unknown }).Worker;
    });

    it('carries on in the page’s own thread, with the findings of the latest edit', async () => {
      render(<Findings start={setLine(balanced, { ...first!, amount: '987654321.00' })} codes={catalogue} />);
      expect(text('errors')).toBe('—');
      act(() => listeners.forEach((l) => l()));
      await waitFor(() => expect(text('stale')).toBe('false'), { timeout: 20_000 });
      expect(Number(text('errors'))).toBeGreaterThan(0);
    });
  });
});
