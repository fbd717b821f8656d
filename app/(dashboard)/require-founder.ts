// The signed-in founder, or a redirect to sign-in. Layouts do not re-render on client navigation,
// so every page that reads data calls this too, not only the layout; cache() makes it one look-up
// per request.
import "server-only";
import { redirect } from "next/navigation";
import { cache } from "react";
import { currentFounder } from "@/lib/auth/server";

export const requireFounder = cache(async () => {
  const founder = await currentFounder();
  if (!founder) redirect("/sign-in");
  return founder;
});
