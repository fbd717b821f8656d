// A fake Bluesky PDS: com.atproto.server.createSession (identifier and password checked),
// com.atproto.repo.putRecord (bearer checked) and com.atproto.repo.getRecord, with records stored
// by (repo, collection, rkey): a put on a key that exists overwrites it, as on Bluesky, so
// `records()` are the distinct posts.
import { createHash, randomBytes } from "node:crypto";
import { bearerToken, startFakeServer, type FakeServer, type ScriptedAnswer } from "./fake-server";

export type FakeBlueskyOptions = {
  port?: number;
  /** Serve under this path, as behind a proxy ("/social/bluesky"). */
  basePath?: string;
  identifier?: string;
  password?: string;
  did?: string;
};

export type FakeRecord = { repo: string; collection: string; rkey: string; record: unknown };

export type FakeBluesky = FakeServer<ScriptedAnswer> & {
  identifier: string;
  password: string;
  did: string;
  /** The distinct records held, one per (repo, collection, rkey). */
  records(): FakeRecord[];
  /** Posts a reader of the account would see. */
  postCount(): number;
};

const tidPattern = /^[234567abcdefghij][234567abcdefghijklmnopqrstuvwxyz]{12}$/;

/** A CIDv1 (dag-cbor, sha2-256) of the record's JSON, in base32: the shape of a real one. */
function recordCid(record: unknown): string {
  const digest = createHash("sha256").update(JSON.stringify(record)).digest();
  const bytes = Buffer.concat([Buffer.from([0x01, 0x71, 0x12, 0x20]), digest]);
  const alphabet = "abcdefghijklmnopqrstuvwxyz234567";
  let bits = 0;
  let value = 0;
  let out = "b";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

const xrpcError = (status: number, error: string, message: string) => ({
  status,
  body: { error, message },
});

export async function startFakeBluesky(options: FakeBlueskyOptions = {}): Promise<FakeBluesky> {
  const identifier = options.identifier ?? "liftoff.test";
  const password = options.password ?? "fake-app-password";
  const did = options.did ?? "did:plc:liftoff2fake3repo4abcdefg";
  const sessions = new Set<string>();
  const stored = new Map<string, FakeRecord>();

  const server = await startFakeServer({
    port: options.port,
    basePath: options.basePath,
    render: (answer) => {
      if (answer.kind === "status")
        return xrpcError(answer.status, "Error", `HTTP ${answer.status}`);
      return {
        ...xrpcError(429, "RateLimitExceeded", "Rate Limit Exceeded"),
        headers: {
          "ratelimit-limit": "30",
          "ratelimit-remaining": "0",
          "ratelimit-reset": String(Math.floor(answer.resetAt.getTime() / 1000)),
          "ratelimit-policy": "30;w=300",
        },
      };
    },
    routes: {
      "POST /xrpc/com.atproto.server.createSession": (request) => {
        const body = (request.json ?? {}) as { identifier?: unknown; password?: unknown };
        const known = body.identifier === identifier || body.identifier === did;
        if (!known || body.password !== password) {
          return xrpcError(401, "AuthenticationRequired", "Invalid identifier or password");
        }
        const accessJwt = randomBytes(24).toString("base64url");
        sessions.add(accessJwt);
        const refreshJwt = randomBytes(24).toString("base64url");
        return {
          status: 200,
          body: { accessJwt, refreshJwt, handle: identifier, did, active: true },
        };
      },
      "GET /xrpc/com.atproto.repo.getRecord": (request) => {
        const [repo, collection, rkey] = ["repo", "collection", "rkey"].map((name) =>
          request.query.get(name),
        );
        const found = stored.get(`${did} ${collection} ${rkey}`);
        if ((repo !== did && repo !== identifier) || !found) {
          return xrpcError(400, "RecordNotFound", `Could not locate record: ${rkey}`);
        }
        return {
          status: 200,
          body: {
            uri: `at://${did}/${found.collection}/${found.rkey}`,
            cid: recordCid(found.record),
            value: found.record,
          },
        };
      },
      "POST /xrpc/com.atproto.repo.putRecord": (request) => {
        const token = bearerToken(request.headers);
        if (!token || !sessions.has(token)) return xrpcError(401, "InvalidToken", "Bad token");
        const body = (request.json ?? {}) as Partial<FakeRecord>;
        if (body.repo !== did && body.repo !== identifier) {
          return xrpcError(400, "InvalidRequest", "Could not find repo");
        }
        if (typeof body.collection !== "string" || typeof body.rkey !== "string") {
          return xrpcError(400, "InvalidRequest", "collection and rkey are required");
        }
        if (body.collection === "app.bsky.feed.post" && !tidPattern.test(body.rkey)) {
          return xrpcError(400, "InvalidRequest", "Invalid record key: not a TID");
        }
        const record = body.record as { $type?: unknown; text?: unknown } | undefined;
        if (record?.$type !== body.collection || typeof record.text !== "string") {
          return xrpcError(400, "InvalidRecord", "Record does not match its collection");
        }
        stored.set(`${did} ${body.collection} ${body.rkey}`, {
          repo: did,
          collection: body.collection,
          rkey: body.rkey,
          record,
        });
        return {
          status: 200,
          body: {
            uri: `at://${did}/${body.collection}/${body.rkey}`,
            cid: recordCid(record),
            validationStatus: "valid",
          },
        };
      },
    },
  });
  const records = () => [...stored.values()];
  return { ...server, identifier, password, did, records, postCount: () => stored.size };
}
