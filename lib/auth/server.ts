// Founders' sign-in, with better-auth: email and password (hashed with scrypt), sessions stored in
// PostgreSQL, an httpOnly SameSite=Lax cookie. Sign-up is closed: accounts come from the CLI
// (`npm run user:create`) or from LIFTOFF_ADMIN_EMAIL/PASSWORD on first start.
import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { headers } from "next/headers";
import { db } from "@/lib/db";
import { env, publicBaseUrl, publicPort } from "@/lib/env";
import { authSecret } from "./secret";

export const sessionCookieName = "liftoff.session_token";

function createAuth() {
  const settings = env();
  const baseURL = publicBaseUrl(settings);
  const port = publicPort(settings);
  return betterAuth({
    appName: "Liftoff",
    baseURL,
    secret: authSecret(settings),
    database: prismaAdapter(db(), { provider: "postgresql" }),
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 10 },
    session: { expiresIn: 60 * 60 * 24 * 14, updateAge: 60 * 60 * 24 },
    // Sign-in is allowed from the address the founder actually used (localhost or 127.0.0.1).
    trustedOrigins: [baseURL, `http://localhost:${port}`, `http://127.0.0.1:${port}`],
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

/** The signed-in founder, or null. */
export async function currentFounder() {
  const session = await auth().api.getSession({ headers: await headers() });
  return session?.user ?? null;
}
