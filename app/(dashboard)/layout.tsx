import type { ReactNode } from "react";
import { Sidebar } from "@/components/shell/sidebar";
import { requireFounder } from "./require-founder";

// Every dashboard page depends on the session and on live data: never prerendered at build time.
export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: ReactNode }) {
  // currentFounder() or redirect("/sign-in").
  const founder = await requireFounder();

  return (
    <div className="shell">
      <Sidebar email={founder.email} />
      <main className="shell__main" id="main">
        {children}
      </main>
    </div>
  );
}
