import { currentLines, linesPatch, rebase, removeLine, setLine, startWorkingCopy, changeCount } from '../src/features/editor/working-copy';
import { seedDocument } from './budget-fixture';

const seed = seedDocument();
const [first, second] = seed.expenditureLines;

describe("the editor's working copy", () => {
  it('sends exactly the changed, added and removed lines', () => {
    let copy = startWorkingCopy(seed, 3);
    copy = setLine(copy, { ...first!, amount: '1.00' });
    copy = setLine(copy, { ...first!, id: 'NEW-1', amount: '2.00' });
    copy = removeLine(copy, second!.id);
    expect(linesPatch(copy)).toEqual({ upsertExpenditure: [{ ...first, amount: '1.00' }, { ...first, id: 'NEW-1', amount: '2.00' }], removeExpenditure: [second!.id] });
    const ids = currentLines(copy).map((l) => l.id);
    expect(ids).not.toContain(second!.id);
    expect(ids.at(-1)).toBe('NEW-1');
    expect(ids).toHaveLength(seed.expenditureLines.length);
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
    const theirs = { ...seed, expenditureLines: seed.expenditureLines.filter((l) => l.id !== second!.id).map((l) => (l.id === first!.id ? { ...l, amount: '9.00' } : l)) };
    const rebased = rebase(copy, theirs, 4);
    expect(rebased.baseVersion).toBe(4);
    expect(currentLines(rebased).find((l) => l.id === first!.id)?.amount).toBe('1.00');
    // Removing what is already gone is not sent again (the API would refuse it).
    expect(linesPatch(rebased)).toEqual({ upsertExpenditure: [{ ...first, amount: '1.00' }], removeExpenditure: [] });
  });
});
