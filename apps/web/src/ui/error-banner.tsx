import { useI18n } from '../lib/i18n';
import { problemText } from '../lib/problem-text';
/** A failed action's message, announced; nothing when there is no error. */
export function ErrorBanner({ error }: { error: Error | null }) {
  const { t } = useI18n();
  if (error === null) return null;
  return (
    <p role="alert" className="banner error">
      {problemText(error, t)}
    </p>
  );
}
