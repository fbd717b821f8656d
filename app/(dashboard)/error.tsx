"use client";
// A dashboard page failed on the server (the database unreachable, most often).
import { PageHeader } from "@/components/ui/page-header";

export default function DashboardError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <>
      <PageHeader eyebrow="Dashboard" title="Something went wrong" />
      <div className="card error-notice" role="alert">
        <p className="error-notice__title">This page could not be loaded</p>
        <p className="error-notice__body">
          The server could not read the data, most often because the database is unreachable.
          {error.digest ? ` Reference: ${error.digest}.` : ""}
        </p>
        <p className="error-notice__body">
          <button type="button" className="button button--small" onClick={reset}>
            Try again
          </button>
        </p>
      </div>
    </>
  );
}
