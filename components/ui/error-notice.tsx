// A failed load, said plainly, with what happens next.
export function ErrorNotice({ what, error }: { what: string; error: unknown }) {
  const message = error instanceof Error ? error.message : "Unknown error";
  return (
    <div className="card error-notice" role="alert">
      <p className="error-notice__title">Couldn’t load {what}</p>
      <p className="error-notice__body">
        {message}. Liftoff retries on its own every few seconds; if this persists, check that the
        web process can reach the database.
      </p>
    </div>
  );
}
