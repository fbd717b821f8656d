"use client";
// The status page itself failed to render (a bug: the snapshot is served from memory and never
// throws). Said plainly to the public, without details, with a way to try again.
export default function StatusError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <section className="status-section" role="alert">
      <h1 className="status-section__title">The status page could not be shown</h1>
      <div className="status-card">
        <p>
          Something went wrong while putting this page together. This says nothing about the service
          itself; please try again in a moment.
          {error.digest ? ` Reference: ${error.digest}.` : ""}
        </p>
        <p className="status-error__actions">
          <button type="button" className="button button--small" onClick={reset}>
            Try again
          </button>
        </p>
      </div>
    </section>
  );
}
