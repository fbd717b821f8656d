// The first gate: without a session cookie, dashboard pages redirect to /sign-in and dashboard
// APIs answer 401. Public: the status page with its feeds and APIs, sign-in itself, and the metric
// push endpoint (which checks its own bearer token). The session itself is verified again where
// the data is read (layout and requireFounder).
import { getSessionCookie } from "better-auth/cookies";
import { type NextRequest, NextResponse } from "next/server";

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

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (isPublicPath(pathname)) return NextResponse.next();
  if (getSessionCookie(request, { cookiePrefix: "liftoff" })) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    return NextResponse.json(
      { error: { code: "unauthorized", message: "Sign in to use the dashboard API." } },
      { status: 401 },
    );
  }
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export const config = { matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"] };
