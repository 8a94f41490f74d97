import {
  changeCount,
  currentDocument,
  currentLines,
  linesPatch,
  rebase,
  removeIncomeLine,
  removeLine,
  setIncomeLine,
  setLine,
  startWorkingCopy,
} from '../src/features/editor/working-copy';
import { seedDocument } from './budget-fixture';

const seed = seedDocument();
const [first, second] = seed.expenditureLines;

describe("the editor's working copy", () => {
  it('sends exactly the changed, added and removed lines', () => {
    let copy = startWorkingCopy(seed, 3);
    copy = setLine(copy, { ...first!, amount: '1.00' });
    copy = setLine(copy, { ...first!, id: 'NEW-1', amount: '2.00' });
    copy = removeLine(copy, second!.id);
    expect(linesPatch(copy)).toEqual({
      upsertExpenditure: [
        { ...first, amount: '1.00' },
        { ...first, id: 'NEW-1', amount: '2.00' },
      ],
      removeExpenditure: [second!.id],
      upsertIncome: [],
      removeIncome: [],
    });
    const ids = currentLines(copy).map((l) => l.id);
    expect(ids).not.toContain(second!.id);
    expect(ids.at(-1)).toBe('NEW-1');
    expect(ids).toHaveLength(seed.expenditureLines.length);
  });

  it('shows the lines in the saved order with edits in place, removed ones out and new ones last as added', () => {
    const [, , third] = seed.expenditureLines;
    let copy = startWorkingCopy(seed, 1);
    copy = setLine(copy, { ...first!, id: 'NEW-B' });
    copy = setLine(copy, { ...third!, amount: '3.00' });
    copy = removeLine(copy, second!.id);
    copy = setLine(copy, { ...first!, id: 'NEW-A' });
    const lines = currentLines(copy);
    const saved = seed.expenditureLines.filter((l) => l.id !== second!.id).map((l) => l.id);
    expect(lines.map((l) => l.id)).toEqual([...saved, 'NEW-B', 'NEW-A']);
    expect(lines[1]).toEqual({ ...third, amount: '3.00' });
    // the lines not edited are the saved ones themselves, not copies
    expect(lines[0]).toBe(seed.expenditureLines[0]);
    // and the saved list is left as it was
    expect(seed.expenditureLines[2]?.amount).toBe(third!.amount);
  });

  it('a line added then removed is no change at all', () => {
    const copy = removeLine(setLine(startWorkingCopy(seed, 1), { ...first!, id: 'NEW-2' }), 'NEW-2');
    expect(changeCount(copy)).toBe(0);
  });

  it('after a refused save, keeps every edit on top of the newer version', () => {
    let copy = startWorkingCopy(seed, 3);
    copy = setLine(copy, { ...first!, amount: '1.00' });
    copy = removeLine(copy, second!.id);
    // Meanwhile someone else changed the first line too and removed the second one.
    const theirs = {
      ...seed,
      expenditureLines: seed.expenditureLines
        .filter((l) => l.id !== second!.id)
        .map((l) => (l.id === first!.id ? { ...l, amount: '9.00' } : l)),
    };
    const rebased = rebase(copy, theirs, 4);
    expect(rebased.baseVersion).toBe(4);
    expect(currentLines(rebased).find((l) => l.id === first!.id)?.amount).toBe('1.00');
    // Removing what is already gone is not sent again (the API would refuse it).
    expect(linesPatch(rebased)).toEqual({
      upsertExpenditure: [{ ...first, amount: '1.00' }],
      removeExpenditure: [],
      upsertIncome: [],
      removeIncome: [],
    });
  });

  it('edits income lines beside the expenditure lines, in the document and in the patch', () => {
    const income = seed.incomeLines[0]!;
    let copy = setIncomeLine(startWorkingCopy(seed, 2), { ...income, amount: '6044001.00' });
    copy = setIncomeLine(copy, { id: 'INC-2', source: 'other-income', amount: '5.00' });
    expect(currentDocument(copy).incomeLines).toEqual([
      { ...income, amount: '6044001.00' },
      { id: 'INC-2', source: 'other-income', amount: '5.00' },
    ]);
    expect(linesPatch(removeIncomeLine(copy, 'INC-2'))).toEqual({
      upsertExpenditure: [],
      removeExpenditure: [],
      upsertIncome: [{ ...income, amount: '6044001.00' }],
      removeIncome: [],
    });
    expect(linesPatch(removeIncomeLine(copy, income.id)).removeIncome).toEqual([income.id]);
  });
});
