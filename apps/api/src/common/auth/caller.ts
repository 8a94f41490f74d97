import { TRole } from './role';

/** Who is calling, as established by the AuthGuard from a valid session. */
export interface TCaller {
  readonly userId: string;
  readonly username: string;
  readonly role: TRole;
  /** The department of a preparer or publisher; null for admins and reviewers. */
  readonly departmentId: string | null;
  readonly departmentCode: string | null;
  /** A unit's preparer: the unit (二级单位) whose budget they prepare; null or absent for everybody else. */
  readonly unitCode?: string | null;
  /** For reviewers and signers: 'all' or the ids of the departments assigned to them; [] for everybody else. */
  readonly reviewDepartmentIds: 'all' | readonly string[];
  readonly sessionId: string;
}
