// Bluesky: com.atproto.server.createSession, then com.atproto.repo.putRecord under a record key
// computed from the post (bluesky-rkey.ts), through @atproto/api. putRecord on a key that exists
// overwrites it, so sending the same post again leaves one record. A session is made per send:
// posts are few (a daily cap of ten by default) and a fresh session needs no refresh handling.
// The agent's fetch carries the caller's signal, so both calls stop when it aborts.
import { AtpAgent, XRPCError } from "@atproto/api";
import { z } from "zod";
import {
  failureForRequest,
  failureForStatus,
  readAnswer,
  resetFromEpochSeconds,
} from "./channel-failure";
import {
  ChannelError,
  type ChannelConfig,
  type ReadSecret,
  type SocialChannel,
} from "./channel-types";
import { postCollection, postRecord } from "./bluesky-record";
import { postRkey } from "./bluesky-rkey";

type BlueskyConfig = Extract<ChannelConfig, { kind: "bluesky" }>;

const session = z.object({ did: z.string().startsWith("did:"), handle: z.string().min(1) });
const putAnswer = z.object({ uri: z.string().startsWith("at://"), cid: z.string().min(1) });

function toChannelError(channel: string, error: unknown, signal: AbortSignal): ChannelError {
  if (error instanceof ChannelError) return error;
  // xrpc reports a failure to connect (or an abort) as status 1 and a lexicon mismatch as 2.
  if (error instanceof XRPCError && error.status >= 400) {
    const retryAt = resetFromEpochSeconds(error.headers?.["ratelimit-reset"]);
    const detail = [error.error, error.message].filter(Boolean).join(": ");
    return failureForStatus(channel, error.status, detail, retryAt);
  }
  if (error instanceof XRPCError && error.status === 2 && !signal.aborted) {
    return new ChannelError(channel, "permanent", `unexpected answer: ${error.message}`);
  }
  return failureForRequest(channel, error, signal);
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
        fetch: (input, init) => fetch(input, { ...init, signal }),
      });
      try {
        signal.throwIfAborted();
        const login = await agent.login({ identifier, password });
        const { did } = readAnswer(label, session, login.data);
        const rkey = postRkey(post);
        const put = await agent.com.atproto.repo.putRecord({
          repo: did,
          collection: postCollection,
          rkey,
          record: postRecord(post),
        });
        const { uri } = readAnswer(label, putAnswer, put.data);
        return { externalId: uri, url: `https://bsky.app/profile/${did}/post/${rkey}` };
      } catch (error) {
        throw toChannelError(label, error, signal);
      }
    },
  };
}
