/** A failed action's message, announced; nothing when there is no error. */
export function ErrorBanner({ error }: { error: Error | null }) {
  if (error === null) return null;
  return (
    <p role="alert" className="banner error">
      {error.message}
    </p>
  );
}
