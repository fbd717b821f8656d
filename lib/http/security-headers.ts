// The security headers of every response Liftoff makes, decided here and set in one place
// (proxy.ts, which every page, route and API passes through; the web front keeps them with its
// copies of the public responses). Two kinds of response:
// - the founders' side (dashboard, sign-in, their APIs): a Content-Security-Policy allowing only
//   Liftoff's own scripts (same origin, or inline with this request's nonce), never framed;
// - the public side (/status, its history, /api/v2, feeds, badges): the same for every visitor and
//   kept as one copy, so no per-request nonce; framing allowed for the configured origins only
//   (statusPage.embedOrigins: status pages are often embedded), none by default.

export type HeaderSettings = {
  /** LIFTOFF_BASE_URL is https: browsers are told to use nothing else. */
  https: boolean;
  /** Origins allowed to frame the public status page. */
  embedOrigins: readonly string[];
  /** `next dev`: React's development build needs eval for its call stacks. */
  development: boolean;
};

const publicPath = /^\/(status|api\/v2|feed|badge)(\/|\.|$)/;

/** The status page and everything made from its snapshot: public, one copy for all. */
export function isPublicStatusPath(pathname: string): boolean {
  return publicPath.test(pathname);
}

/** 128 random bits, base64: unguessable, new for every request. */
export function makeNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

function sharedHeaders(settings: HeaderSettings): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    // Nothing Liftoff shows needs a camera, a microphone, a location or a payment.
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    ...(settings.https ? { "strict-transport-security": "max-age=31536000" } : {}),
  };
}

/** The dashboard's policy: scripts from Liftoff itself, or inline with this request's nonce. */
export function contentSecurityPolicy(nonce: string, settings: HeaderSettings): string {
  return [
    "default-src 'self'",
    // Next.js puts the nonce on its own inline scripts (it reads it from this header on the
    // request) and the root layout on the theme script; 'self' covers the bundles it loads.
    `script-src 'self' 'nonce-${nonce}'${settings.development ? " 'unsafe-eval'" : ""}`,
    // Styles may be inline: React renders `style` attributes (charts, bars, widths) into the HTML,
    // recharts sets them on its SVG, and no nonce can cover an attribute. A style cannot run code,
    // and with img-src, font-src and connect-src kept to our own origin it cannot send anything
    // elsewhere either; scripts are where the policy is strict.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(settings.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** Every header of a founders' response (the CSP included). */
export function appHeaders(nonce: string, settings: HeaderSettings): Record<string, string> {
  return {
    ...sharedHeaders(settings),
    "content-security-policy": contentSecurityPolicy(nonce, settings),
    "x-frame-options": "DENY",
  };
}

/** Every header of a public status response: framed only where the configuration allows. */
export function publicHeaders(settings: HeaderSettings): Record<string, string> {
  const origins = settings.embedOrigins;
  // X-Frame-Options can name no origin list; with origins listed, frame-ancestors alone decides.
  return {
    ...sharedHeaders(settings),
    "content-security-policy": `frame-ancestors ${origins.length > 0 ? origins.join(" ") : "'none'"}`,
    ...(origins.length > 0 ? {} : { "x-frame-options": "DENY" }),
  };
}
