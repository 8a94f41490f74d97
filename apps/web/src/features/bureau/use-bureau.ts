import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query } from '../../lib/api-client';
import type { BudgetRound } from '@budgetflow/domain';
import type { TCeilingsWire } from '../ceilings/use-ceilings';

export type TPublicationStatus = 'on-time' | 'late' | 'due' | 'overdue' | 'not-replied';

interface TPublicationClock {
  repliedOn: string | null;
  deadline: string | null;
  publishedOn: string | null;
  status: TPublicationStatus;
  /** days past the deadline a publication came, or an unpublished one now is; 0 otherwise */
  daysLate: number;
}

/** A 二级单位's own 单位预算, due within the 20 days of its department's 批复. */
export interface TUnitComplianceEntry extends TPublicationClock {
  unit: { code: string; name: string };
}

export interface TComplianceEntry extends TPublicationClock {
  department: { code: string; name: string };
  /** present where the department's template prints a 单位 scope and it has 二级单位 */
  units?: TUnitComplianceEntry[];
}

export interface TOverviewDepartment {
  department: { id: string; code: string; name: string };
  budgetId: string | null;
  state: string | null;
  round: BudgetRound | null;
  stage: { index: number; count: number; name: string } | null;
  stateSince: string | null;
  daysWaiting: number | null;
  figures: { totalFen: string; basicFen: string; projectFen: string } | null;
  ceilings: { issued: boolean; exceeded: { ceiling: string; name: string; ceilingFen: string; amountFen: string; excessFen: string }[] };
  findings: { errors: number; warnings: number } | null;
}

export interface TOverview {
  fiscalYear: number;
  today: string;
  desk: { bureau: string | null; office: string | null };
  departments: TOverviewDepartment[];
  totals: {
    totalFen: string;
    byFunctionClass: { code: string; name: string; totalFen: string }[];
    byDepartment: { code: string; name: string; totalFen: string }[];
  };
  compliance: TComplianceEntry[];
}

export interface TOverviewFilter {
  year: number;
  state?: string | undefined;
  round?: string | undefined;
  overCeiling?: 'true' | 'false' | undefined;
  q?: string | undefined;
}

export function useOverview(filter: TOverviewFilter) {
  return useQuery({
    queryKey: ['bureau', 'overview', filter],
    queryFn: () => api<TOverview>(`/api/bureau/overview${query({ ...filter })}`),
  });
}

/** The years with budgets in the reviewer's scope, newest first, and the one the desk opens on. */
export interface TBureauYears {
  years: number[];
  defaultYear: number | null;
}

export function useBureauYears() {
  return useQuery({ queryKey: ['bureau', 'years'], queryFn: () => api<TBureauYears>('/api/bureau/years') });
}

export function usePublicCompliance(year: number) {
  return useQuery({
    queryKey: ['public', 'compliance', year],
    queryFn: () => api<{ fiscalYear: number; today: string; items: TComplianceEntry[] }>(`/api/public/compliance${query({ year })}`),
  });
}

export interface TCeilingsUpload {
  uploadId: string;
  fiscalYear: number;
  confirmed: boolean;
  rows: { position: string; departmentCode: string; departmentName: string | null; ceilings: TCeilingsWire; current: TCeilingsWire | null }[];
  problems: { position: string; column: string; reason: string }[];
}

/** A sheet of many departments' ceilings: sent for a preview, then confirmed. */
export function useCeilingsUpload(year: number) {
  const client = useQueryClient();
  const upload = useMutation({
    mutationFn: (file: File) =>
      file.name.toLowerCase().endsWith('.xlsx')
        ? api<TCeilingsUpload>(`/api/bureau/ceilings/${year}/uploads`, { method: 'POST', file })
        : file.text().then((csv) => api<TCeilingsUpload>(`/api/bureau/ceilings/${year}/uploads`, { method: 'POST', body: { csv } })),
  });
  const confirm = useMutation({
    mutationFn: (uploadId: string) => api<TCeilingsUpload>(`/api/bureau/ceilings/${year}/uploads/${uploadId}/confirm`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['bureau', 'overview'] }),
  });
  return { upload, confirm };
}
