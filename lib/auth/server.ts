// Founders' sign-in, with better-auth: email and password (hashed with scrypt), sessions stored in
// PostgreSQL, an httpOnly SameSite=Lax cookie. Sign-up is closed: accounts come from the CLI
// (`npm run user:create`) or from LIFTOFF_ADMIN_EMAIL/PASSWORD on first start.
import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { headers } from "next/headers";
import { db } from "@/lib/db";
import { env, publicBaseUrl } from "@/lib/env";
import { liftoffOrigins } from "@/lib/http/same-origin";
import { authSecret } from "./secret";

export const sessionCookieName = "liftoff.session_token";

function createAuth() {
  const settings = env();
  const baseURL = publicBaseUrl(settings);
  return betterAuth({
    appName: "Liftoff",
    baseURL,
    secret: authSecret(settings),
    database: prismaAdapter(db(), { provider: "postgresql" }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10 },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    // Liftoff's own origins, the same the founders' routes accept (lib/http/same-origin.ts):
    // sign-in and sign-out are refused (403) when a cookie-bearing POST comes from anywhere else,
    // or names no Origin at all. Checked even under NODE_ENV=test, so the tests see what runs.
    trustedOrigins: liftoffOrigins(settings),
    rateLimit: {
      enabled: true,
      window: 60,
      max: 100,
      customRules: { "/sign-in/email": { window: 60, max: 10 } },
    },
    advanced: {
      cookiePrefix: "liftoff",
      useSecureCookies: baseURL.startsWith("https://"),
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
      disableOriginCheck: false,
      disableCSRFCheck: false,
    },
    telemetry: { enabled: false },
    plugins: [nextCookies()],
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { liftoffAuth?: Auth };

export function auth(): Auth {
  globalForAuth.liftoffAuth ??= createAuth();
  return globalForAuth.liftoffAuth;
}

/** The signed-in founder, or null: from `requestHeaders`, else the current request's. */
export async function currentFounder(requestHeaders?: Headers) {
  const session = await auth().api.getSession({ headers: requestHeaders ?? (await headers()) });
  return session?.user ?? null;
}
