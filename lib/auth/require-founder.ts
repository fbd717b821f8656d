import "server-only";
import { UnauthorizedError } from "@/lib/errors";
import { currentFounder } from "./server";

/** For dashboard API routes: the signed-in founder, or a 401. */
export async function requireFounder() {
  const founder = await currentFounder();
  if (!founder) throw new UnauthorizedError("Sign in to use the dashboard API.");
  return founder;
}
