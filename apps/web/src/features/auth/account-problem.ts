import { ApiError } from '../../lib/api-client';
import type { TDeskTranslate } from '../../lib/desk-i18n';
import { problemText } from '../../lib/problem-text';

/** The Chinese (or English) words for what the API refused at sign-in and on the account pages. */
export function accountProblem(error: Error, t: TDeskTranslate): string {
  if (!(error instanceof ApiError)) return problemText(error, t);
  if (error.code === 'PASSWORD_REJECTED') return error.fields.some((f) => f.path === 'currentPassword') ? t('currentPasswordWrong') : t('passwordRejected');
  if (error.code === 'INVALID_CREDENTIALS') return t('credentialsWrong');
  if (error.code === 'VALIDATION_FAILED' && error.fields.some((f) => f.path === 'code')) return t('totpWrong');
  return problemText(error, t);
}
