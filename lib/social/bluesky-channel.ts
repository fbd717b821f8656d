// Bluesky: com.atproto.server.createSession, then com.atproto.repo.putRecord under a record key
// computed from the post (bluesky-rkey.ts), through @atproto/api. putRecord on a key that exists
// overwrites it, so sending the same post again leaves one record. A session is made per send:
// posts are few (a daily cap of ten by default) and a fresh session needs no refresh handling.
// The agent's fetch (base-path-fetch.ts) keeps the base URL's path and carries the caller's
// signal. When the answer to putRecord cannot be read, the record is looked up by its key
// (com.atproto.repo.getRecord): there, the post is sent; not there, it is put again later.
import { AtpAgent, XRPCError } from "@atproto/api";
import { z } from "zod";
import { fetchUnderBasePath } from "./base-path-fetch";
import {
  failureForRequest,
  failureForStatus,
  readAnswer,
  resetFromEpochSeconds,
  unconfirmed,
} from "./channel-failure";
import {
  ChannelError,
  type ChannelConfig,
  type ReadSecret,
  type SentPost,
  type SocialChannel,
} from "./channel-types";
import { postCollection, postRecord } from "./bluesky-record";
import { postRkey } from "./bluesky-rkey";

type BlueskyConfig = Extract<ChannelConfig, { kind: "bluesky" }>;
type RecordRef = { repo: string; collection: string; rkey: string };

const session = z.object({ did: z.string().startsWith("did:"), handle: z.string().min(1) });
const storedRecord = z.object({ uri: z.string().startsWith("at://") });

function toChannelError(channel: string, error: unknown, signal: AbortSignal): ChannelError {
  if (error instanceof ChannelError) return error;
  // xrpc reports a failure to connect (or an abort) as status 1 and a body it cannot parse or
  // validate as 2.
  if (error instanceof XRPCError && error.status >= 400) {
    const retryAt = resetFromEpochSeconds(error.headers?.["ratelimit-reset"]);
    const detail = [error.error, error.message].filter(Boolean).join(": ");
    return failureForStatus(channel, error.status, detail, retryAt);
  }
  if (error instanceof XRPCError && error.status === 2 && !signal.aborted) {
    return unconfirmed(channel, `unexpected answer: ${error.message}`);
  }
  return failureForRequest(channel, error, signal);
}

const postUrl = ({ repo, rkey }: RecordRef) => `https://bsky.app/profile/${repo}/post/${rkey}`;

/** After an unreadable answer to putRecord: the record if it is there, else a safe retry. */
async function findRecord(agent: AtpAgent, channel: string, ref: RecordRef): Promise<SentPost> {
  const putAgain = (why: string) =>
    new ChannelError(
      channel,
      "transient",
      `the answer to putRecord could not be read and ${why}; it will be put again under the same key`,
    );
  try {
    const found = await agent.com.atproto.repo.getRecord(ref);
    const { uri } = storedRecord.parse(found.data);
    return { externalId: uri, url: postUrl(ref) };
  } catch (error) {
    if (error instanceof XRPCError && error.error === "RecordNotFound") {
      throw putAgain("the record is not there");
    }
    const name = error instanceof XRPCError ? `HTTP ${error.status}` : "no answer";
    throw putAgain(`looking the record up failed too (${name})`);
  }
}

export function createBlueskyChannel(config: BlueskyConfig, secret: ReadSecret): SocialChannel {
  const label = `channels.${config.key}`;
  const identifier = secret(config.identifierEnv);
  const password = secret(config.passwordEnv);

  return {
    key: config.key,
    kind: "bluesky",
    async send(post, signal) {
      const agent = new AtpAgent({
        service: config.baseUrl,
        fetch: fetchUnderBasePath(config.baseUrl, signal),
      });
      let repo: string;
      try {
        signal.throwIfAborted();
        const login = await agent.login({ identifier, password });
        repo = readAnswer(label, session, login.data).did;
      } catch (error) {
        const failure = toChannelError(label, error, signal);
        // Signing in writes nothing: a session answer that cannot be read is worth a retry.
        if (failure.reason !== "unconfirmed") throw failure;
        throw new ChannelError(label, "transient", "signing in got an answer it cannot read");
      }
      const ref = { repo, collection: postCollection, rkey: postRkey(post) };
      try {
        const put = await agent.com.atproto.repo.putRecord({ ...ref, record: postRecord(post) });
        return { externalId: readAnswer(label, storedRecord, put.data).uri, url: postUrl(ref) };
      } catch (error) {
        const failure = toChannelError(label, error, signal);
        if (failure.reason !== "unconfirmed") throw failure;
        return findRecord(agent, label, ref);
      }
    },
  };
}
