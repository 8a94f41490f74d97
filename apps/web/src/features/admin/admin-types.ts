/** The admin routes' answers (apps/api/src/modules/{users,departments,catalogue,audit}, queue/admin). */
export interface TAdminUser {
  id: string;
  username: string;
  displayName: string;
  role: string;
  departmentCode: string | null;
  /** a unit's preparer's budget unit (单位编制人); absent or null for everyone else */
  unitCode?: string | null;
  reviewScope: 'all' | string[];
  active: boolean;
  /** Whether the account signs in with a second factor (TOTP). */
  twoFactor: boolean;
  /** A reviewer's office (科室): its departments are reviewed whatever reviewScope lists. */
  office?: { code: string; name: string; departments: string[] } | null;
}

export interface TUserSession {
  id: string;
  createdAt: string;
  expiresAt: string;
  ip: string | null;
  userAgent: string | null;
}

export interface TAdminDepartment {
  id: string;
  code: string;
  name: string;
}

export interface TFiscalYear {
  year: number;
  status: 'open' | 'closed';
  template: string;
}

export interface TCodeChange {
  list: 'functional' | 'economic' | 'government-economic';
  added: { code: string; name: string }[];
  renamed: { code: string; from: string; to: string }[];
  removed: { code: string; name: string }[];
}

export interface TUploadPreview {
  uploadId: string;
  fiscalYear: number;
  confirmed: boolean;
  counts: Record<string, number>;
  changes: { lists: TCodeChange[]; mapping: { departmentCode: string; from: string[]; to: string[] }[] };
}

export interface TDeadJob {
  queue: string;
  id: string;
  name: string;
  failedReason: string;
  attemptsMade: number;
  failedAt: string | null;
}
