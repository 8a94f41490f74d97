import './structured-clone.polyfill';
import 'fake-indexeddb/auto';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { browserDraftStore } from '../src/features/editor/draft-store';
import { draftKey, type TLocalDraft } from '../src/features/editor/use-local-draft';
import { seedDocument } from './budget-fixture';
import { gridHarness } from './grid-harness';
import { layoutViewport } from './grid-test-setup';

beforeAll(layoutViewport);

const seed = seedDocument();
const doc = { ...seed, expenditureLines: seed.expenditureLines.slice(0, 3) };
const store = browserDraftStore<TLocalDraft>();
const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;

describe('the browser keeps unsaved edits (IndexedDB)', () => {
  it('writes them as they are typed and puts them back after a reload', async () => {
    expect(store).not.toBeNull();
    const first = render(gridHarness(doc, store));
    const amount = screen.getByLabelText('金额（元） 2');
    act(() => amount.focus());
    fireEvent.change(amount, { target: { value: '2,468.10' } });
    fireEvent.change(screen.getByLabelText('备注 1'), { target: { value: '未保存的备注' } });
    // The write waits out the typing (a debounce), then IndexedDB: generous on a busy machine.
    await waitFor(async () => expect((await store!.get(draftKey('B1')))?.lineEdits.size).toBe(2), { timeout: 15_000 });
    first.unmount(); // the page is gone: a reload, a crash

    render(gridHarness(doc, store));
    expect(await screen.findByRole('note')).toBeTruthy();
    expect(value('金额（元） 2')).toBe('2,468.10');
    expect(value('备注 1')).toBe('未保存的备注');
    expect(screen.getByLabelText('未保存').textContent).toBe('2');
  });

  it('forgets the draft once nothing is left unsaved', async () => {
    render(gridHarness(doc, store));
    await screen.findByRole('note'); // the first test's draft, restored
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(async () => expect(await store!.get(draftKey('B1'))).toBeUndefined(), { timeout: 15_000 });
  });
});
