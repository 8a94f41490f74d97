import { isDeskMessageKey, type TDeskTranslate } from '../../lib/desk-i18n';
import type { TAdminUser } from './admin-types';

/** Who belongs to a department: its preparers (of the department or of one of its units), publishers and reviewer (部门审核人). */
export const WITH_DEPARTMENT = new Set(['preparer', 'publisher', 'department_reviewer']);
/** The bureau's people who work on a scope of departments: reviewers and signers (审签人). */
export const WITH_SCOPE = new Set(['reviewer', 'signer']);

export function roleLabel(t: TDeskTranslate, role: string): string {
  const key = `role_${role}`;
  return isDeskMessageKey(key) ? t(key) : role;
}

/** A reviewer's or signer's scope, or the department of whoever has one (and the unit of a unit's preparer). */
export function scopeText(t: TDeskTranslate, user: TAdminUser): string {
  if (WITH_SCOPE.has(user.role)) {
    const own = user.reviewScope === 'all' ? t('adminAllDepartments') : user.reviewScope.join('、') || '—';
    // The office's departments are reviewed whatever the own list says: shown, so that narrowing the list is not mistaken for narrowing the scope.
    const office = user.office;
    return office == null || user.reviewScope === 'all' ? own : t('adminScopeWithOffice', { own, office: office.name, departments: office.departments.join('、') || '—' });
  }
  if (user.unitCode) return t('adminDepartmentUnit', { department: user.departmentCode ?? '—', unit: user.unitCode });
  return user.departmentCode ?? '—';
}
