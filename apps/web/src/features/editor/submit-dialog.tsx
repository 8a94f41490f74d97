import { formatAmount, parseFen, type TDisclosure, type TFinding, type TTableRole } from '@budgetflow/domain';
import { useState } from 'react';
import { useDeskI18n } from '../../lib/desk-i18n';
import { ConfirmModal } from '../../ui/confirm-modal';
import { problemText } from '../../lib/problem-text';

/** A table's total row (合计/总计, or its one row), first amount column, in 万元, whatever the template. */
function totalOf(disclosure: TDisclosure, role: TTableRole, unit: string): string {
  const table = disclosure.tables.find((t) => t.role === role);
  const row = table?.rows.find((r) => r.emphasis === 'total') ?? (table?.rows.length === 1 ? table.rows[0] : undefined);
  const column = table?.columns.find((c) => c.type === 'amount');
  const value = row === undefined || column === undefined ? null : row.cells[column.key];
  return value === null || value === undefined ? '—' : `${formatAmount(parseFen(value))} ${unit}`;
}

/** What is being sent for review, and the errors that block it (the API refuses them too). */
export function SubmitDialog({
  disclosure,
  findings,
  lineCount,
  unsaved,
  onSubmit,
  onCancel,
}: {
  disclosure: TDisclosure;
  findings: readonly TFinding[];
  lineCount: number;
  unsaved: number;
  onSubmit(): Promise<void>;
  onCancel(): void;
}) {
  const { t } = useDeskI18n();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.length - errors;
  const blocked = errors > 0 || unsaved > 0;
  return (
    <ConfirmModal
      title={t('submitSummary')}
      confirmLabel={t('submitConfirm')}
      disabled={blocked || busy}
      onCancel={onCancel}
      onConfirm={() => {
        setBusy(true);
        onSubmit().catch((error: unknown) => {
          setProblem(problemText(error, t));
          setBusy(false);
        });
      }}
    >
      <dl className="summary">
        <dt>{t('totalIncome')}</dt>
        <dd>{totalOf(disclosure, 'income-summary', t('unitWan'))}</dd>
        <dt>{t('totalExpenditure')}</dt>
        <dd>{totalOf(disclosure, 'expenditure-summary', t('unitWan'))}</dd>
        <dt>{t('lineCount')}</dt>
        <dd>{lineCount}</dd>
        <dt>{t('findings')}</dt>
        <dd>
          {t('errorsCount', { n: errors })} · {t('warningsCount', { n: warnings })}
        </dd>
      </dl>
      {errors > 0 && <p className="problem">{t('blockedByErrors', { n: errors })}</p>}
      {unsaved > 0 && <p className="problem">{t('unsaved', { n: unsaved })}</p>}
      {problem !== null && (
        <p role="alert" className="problem">
          {problem}
        </p>
      )}
    </ConfirmModal>
  );
}
