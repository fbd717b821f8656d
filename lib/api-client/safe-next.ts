// Where to go after sign-in: only a path on this site, never another origin.

/** The `next` search parameter if it is a relative path ("/jobs?x=1"), otherwise "/". */
export function safeNextPath(next: string | string[] | null | undefined): string {
  const value = Array.isArray(next) ? next[0] : next;
  if (!value || !value.startsWith("/")) return "/";
  // "//host" and "/\host" are protocol-relative URLs to another origin in browsers.
  if (value.startsWith("//") || value.startsWith("/\\")) return "/";
  // Control characters (tabs, newlines) are stripped by URL parsers and could rebuild "//".
  if (/[\u0000-\u001f\u007f]/.test(value)) return "/";
  return value;
}
