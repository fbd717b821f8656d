// The first gate, and the one place every response's security headers are set
// (lib/http/security-headers.ts). Without a session cookie, dashboard pages redirect to /sign-in
// and dashboard APIs answer 401. Public: the status page with its feeds and APIs, sign-in itself,
// and the metric push endpoint (which checks its own bearer token). The session itself is
// verified again where the data is read (layout and requireFounder).
import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";
import { getConfig } from "@/lib/config";
import { env, publicBaseUrl } from "@/lib/env";
import {
  appHeaders,
  type HeaderSettings,
  isPublicStatusPath,
  makeNonce,
  publicHeaders,
} from "@/lib/http/security-headers";

const publicPrefixes = [
  "/status",
  "/api/v2/",
  "/api/auth/",
  "/api/ingest/", // push ingest authenticates with its own bearer token (lib/growth/push.ts)
  "/sign-in",
  "/badge",
  "/feed",
  "/_next/",
  "/favicon",
];

export function isPublicPath(pathname: string): boolean {
  return publicPrefixes.some(
    (prefix) => pathname === prefix.replace(/\/$/, "") || pathname.startsWith(prefix),
  );
}

let settings: HeaderSettings | undefined;

/** Read once: the environment and the configuration do not change while the process runs. */
function readHeaderSettings(): HeaderSettings {
  settings ??= {
    https: publicBaseUrl(env()).startsWith("https://"),
    embedOrigins: getConfig().statusPage.embedOrigins,
    development: process.env.NODE_ENV === "development",
  };
  return settings;
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isPublicStatusPath(pathname)) {
    // One copy serves every visitor: none may slip a nonce of their own into it.
    const forwarded = new Headers(request.headers);
    forwarded.delete("x-nonce");
    forwarded.delete("content-security-policy");
    return withHeaders(
      NextResponse.next({ request: { headers: forwarded } }),
      publicHeaders(readHeaderSettings()),
    );
  }
  const nonce = makeNonce();
  const headers = appHeaders(nonce, readHeaderSettings());
  // Next.js reads the nonce from the request's policy and puts it on its own inline scripts; the
  // root layout reads x-nonce for the theme script.
  const forwarded = new Headers(request.headers);
  forwarded.set("x-nonce", nonce);
  forwarded.set("content-security-policy", headers["content-security-policy"]!);
  const pass = () => NextResponse.next({ request: { headers: forwarded } });

  if (isPublicPath(pathname)) return withHeaders(pass(), headers);
  if (getSessionCookie(request, { cookiePrefix: "liftoff" })) return withHeaders(pass(), headers);
  if (pathname.startsWith("/api/")) {
    return withHeaders(
      NextResponse.json(
        { error: { code: "unauthorized", message: "Sign in to use the dashboard API." } },
        { status: 401 },
      ),
      headers,
    );
  }
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("next", `${pathname}${search}`);
  return withHeaders(NextResponse.redirect(signIn), headers);
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
