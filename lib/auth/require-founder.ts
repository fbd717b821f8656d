import "server-only";
import type { Founder } from "@/lib/audit/record-audit";
import { UnauthorizedError } from "@/lib/errors";
import { checkSameOrigin } from "@/lib/http/same-origin";
import { currentFounder } from "./server";

export type { Founder };

/**
 * For dashboard API routes: the signed-in founder, or a 401. Given the request, a state-changing
 * one (POST, PATCH...) must also come from Liftoff's own pages, or it is a 403 before the session
 * is even read.
 */
export async function requireFounder(request?: Request): Promise<Founder> {
  if (request) checkSameOrigin(request);
  const founder = await currentFounder(request?.headers);
  if (!founder) throw new UnauthorizedError("Sign in to use the dashboard API.");
  return { id: founder.id, email: founder.email };
}
