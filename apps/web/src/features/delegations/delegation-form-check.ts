import type { TDeskMessageKey } from '../../lib/desk-i18n';

export interface TDelegationDraft {
  delegate: string;
  startsOn: string;
  endsOn: string;
}

/**
 * What is wrong with a delegation before it is sent, field by field (the API checks the same and
 * has the last word): a colleague picked, both dates given, the start not before today, the end
 * not before the start. Dates are YYYY-MM-DD, so they compare as text.
 */
export function delegationProblems(draft: TDelegationDraft, today: string): Partial<Record<keyof TDelegationDraft, TDeskMessageKey>> {
  return {
    ...(draft.delegate === '' ? { delegate: 'delegationPickColleague' } : {}),
    ...(draft.startsOn === '' ? { startsOn: 'delegationDateRequired' } : draft.startsOn < today ? { startsOn: 'delegationStartsInPast' } : {}),
    ...(draft.endsOn === '' ? { endsOn: 'delegationDateRequired' } : draft.startsOn !== '' && draft.endsOn < draft.startsOn ? { endsOn: 'delegationEndsBeforeStart' } : {}),
  };
}

/** Where a delegation stands on `today`: revoked, over, in force, or still to come. */
export function delegationStatus(d: { startsOn: string; endsOn: string; revoked: boolean }, today: string): 'revoked' | 'ended' | 'active' | 'upcoming' {
  if (d.revoked) return 'revoked';
  if (d.endsOn < today) return 'ended';
  return d.startsOn <= today ? 'active' : 'upcoming';
}
