import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import {
  appHeaders,
  contentSecurityPolicy,
  isPublicStatusPath,
  makeNonce,
  publicHeaders,
} from "./security-headers";

const plain = { https: false, embedOrigins: [], development: false };

describe("security headers", () => {
  it("tells the public status paths from the founders' ones", () => {
    for (const path of [
      "/status",
      "/status/history/2",
      "/api/v2/summary.json",
      "/feed/incidents.atom",
      "/badge.svg",
      "/badge/web",
    ]) {
      expect(isPublicStatusPath(path), path).toBe(true);
    }
    for (const path of ["/", "/sign-in", "/uptime", "/api/status-admin/incidents", "/statusx"]) {
      expect(isPublicStatusPath(path), path).toBe(false);
    }
  });

  it("gives the dashboard a nonce policy that forbids framing and other sites' scripts", () => {
    const nonce = makeNonce();
    expect(nonce).not.toBe(makeNonce());
    expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    const headers = appHeaders(nonce, plain);
    const csp = headers["content-security-policy"]!;
    expect(csp).toContain(`script-src 'self' 'nonce-${nonce}';`);
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(headers).toMatchObject({
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
      "permissions-policy": expect.stringContaining("camera=()"),
    });
    expect(headers["strict-transport-security"]).toBeUndefined();
  });

  it("adds HSTS and upgrades requests only behind https", () => {
    const headers = appHeaders("n", { ...plain, https: true });
    expect(headers["strict-transport-security"]).toBe("max-age=31536000");
    expect(headers["content-security-policy"]).toContain("upgrade-insecure-requests");
    expect(publicHeaders({ ...plain, https: true })["strict-transport-security"]).toBeDefined();
    expect(contentSecurityPolicy("n", { ...plain, development: true })).toContain("'unsafe-eval'");
  });

  it("lets the status page be framed only by the configured origins", () => {
    const closed = publicHeaders(plain);
    expect(closed["content-security-policy"]).toBe("frame-ancestors 'none'");
    expect(closed["x-frame-options"]).toBe("DENY");
    expect(closed["x-content-type-options"]).toBe("nosniff");
    const open = publicHeaders({
      ...plain,
      embedOrigins: ["https://example.com", "http://localhost:8080"],
    });
    expect(open["content-security-policy"]).toBe(
      "frame-ancestors https://example.com http://localhost:8080",
    );
    expect(open["x-frame-options"]).toBeUndefined();
  });
});

describe("statusPage.embedOrigins", () => {
  const withOrigins = (list: string) =>
    `service: { name: Stashbox, domain: stashbox.test }\nstatusPage: { embedOrigins: ${list} }\n`;

  it("defaults to none and accepts origins", () => {
    const none = parseConfig("service: { name: Stashbox, domain: stashbox.test }", "c.yaml");
    expect(none.statusPage.embedOrigins).toEqual([]);
    const some = parseConfig(withOrigins("[https://example.com, http://127.0.0.1:8080]"), "c.yaml");
    expect(some.statusPage.embedOrigins).toEqual(["https://example.com", "http://127.0.0.1:8080"]);
  });

  it("refuses what is not an origin, naming the key", () => {
    for (const bad of [
      "https://example.com/",
      "https://example.com/status",
      "example.com",
      "ftp://x.y",
      "'*'",
    ]) {
      expect(() => parseConfig(withOrigins(`[${bad}]`), "c.yaml"), bad).toThrow(
        /statusPage\.embedOrigins\[0\][\s\S]*an origin such as https:\/\/example\.com/,
      );
    }
  });
});
