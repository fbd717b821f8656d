import type { ReactNode } from "react";
import "@/components/status/status.css";

// The public status page's own frame: no sidebar, no sign-in, colours that follow the visitor's
// system (not the founders' theme choice), a single readable column.
export default function StatusLayout({ children }: { children: ReactNode }) {
  return (
    <div className="status-page">
      <main className="status-page__main" id="main">
        {children}
      </main>
    </div>
  );
}
