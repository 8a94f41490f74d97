import { useDeskI18n } from '../../lib/desk-i18n';
import { roleLabel } from './user-labels';

/** The role an account is created with or given, one of `roles`, each by its label. */
export function RoleChoice({ label, roles, value, onChange }: { label: string; roles: readonly string[]; value: string; onChange(role: string): void }) {
  const { t } = useDeskI18n();
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        {roles.map((r) => (
          <option key={r} value={r}>
            {roleLabel(t, r)}
          </option>
        ))}
      </select>
    </label>
  );
}
