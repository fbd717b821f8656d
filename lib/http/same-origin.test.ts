import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env";
import { checkSameOrigin, liftoffOrigins } from "./same-origin";

const post = (headers: Record<string, string>, method = "POST") =>
  new Request("http://127.0.0.1:3000/api/status-admin/incidents", { method, headers });

describe("Liftoff's own origins", () => {
  it("are the base URL's origin, and loopback on the public port", () => {
    expect(
      liftoffOrigins(
        readEnv({ NODE_ENV: "test", LIFTOFF_BASE_URL: "https://Liftoff.example.com:443/app/" }),
      ),
    ).toEqual(["https://liftoff.example.com", "http://localhost:3000", "http://127.0.0.1:3000"]);
    // Without a base URL: localhost on the port visitors reach (the web front's, when behind one).
    expect(
      liftoffOrigins(readEnv({ NODE_ENV: "test", PORT: "3101", LIFTOFF_WEB_PORT: "8080" })),
    ).toEqual(["http://localhost:8080", "http://127.0.0.1:8080"]);
  });
});

describe("checkSameOrigin", () => {
  const origins = ["https://liftoff.example.com"];
  const refused = (request: Request) => {
    try {
      checkSameOrigin(request, origins);
    } catch (error) {
      return (error as { code: string; status: number }).status;
    }
    return "accepted";
  };

  it("accepts Liftoff's Origin however the browser spells it, and reads without looking", () => {
    expect(refused(post({ origin: "https://liftoff.example.com" }))).toBe("accepted");
    expect(refused(post({ origin: "https://LIFTOFF.example.com:443" }))).toBe("accepted");
    expect(refused(post({ origin: "http://evil.example" }, "GET"))).toBe("accepted");
    expect(refused(post({ "sec-fetch-site": "same-origin" }))).toBe("accepted");
    expect(refused(post({ "sec-fetch-site": "none" }))).toBe("accepted");
    expect(refused(post({}))).toBe("accepted");
  });

  it("refuses any other Origin, and a browser's word that the page is another site's", () => {
    for (const origin of [
      "http://liftoff.example.com",
      "https://liftoff.example.com.evil.example",
      "https://status.example.com",
      "null",
      "not a url",
    ]) {
      expect(refused(post({ origin })), origin).toBe(403);
    }
    expect(refused(post({ "sec-fetch-site": "cross-site" }))).toBe(403);
    expect(refused(post({ "sec-fetch-site": "same-site" }))).toBe(403);
    expect(refused(post({ origin: "http://evil.example" }, "DELETE"))).toBe(403);
  });
});
