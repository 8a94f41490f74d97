import { issuesCeilings, OFFICE_KINDS } from './review-chain';

describe('who issues the ceilings (控制数)', () => {
  it('is the 预算科, or a reviewer of no office; never another office', () => {
    expect(issuesCeilings('budget')).toBe(true);
    expect(issuesCeilings(null)).toBe(true);
    expect(OFFICE_KINDS.filter((kind) => kind !== 'budget').map(issuesCeilings)).toEqual([false, false, false, false]);
  });
});
