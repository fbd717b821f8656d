// What the channel tests share: a `channels:` entry as the configuration would give it, posts,
// a send bounded in time, a failure of an expected reason, and fakes closed after each test.
import { afterEach, expect } from "vitest";
import { configSchema } from "@/lib/config/schema";
import {
  ChannelError,
  type ChannelConfig,
  type ChannelFailure,
  type OutgoingPost,
  type SocialChannel,
} from "@/lib/social/channel-types";
import type { FakeServer } from "@/tests/fakes";

/** A `channels:` entry as liftoff.config.yaml would give it, defaults filled in by the schema. */
export function channelConfig(entry: Record<string, unknown>): ChannelConfig {
  const config = configSchema.parse({
    service: { name: "Stashbox", domain: "stashbox.example" },
    channels: [entry],
  });
  return config.channels[0]!;
}

/** Closes, after each test, every fake `started` gave; call once at a test file's top level. */
export function closeFakesAfterEach() {
  const open: FakeServer<unknown>[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((fake) => fake.close()));
  });
  return async function started<F extends FakeServer<never>>(fake: Promise<F>): Promise<F> {
    const f = await fake;
    open.push(f as FakeServer<unknown>);
    return f;
  };
}

export function post(id: number, text = `Stashbox passed ${id},000 users`): OutgoingPost {
  return {
    id,
    text,
    idempotencyKey: `liftoff-post-${id}`,
    createdAt: new Date("2025-03-04T05:06:07.089Z"),
  };
}

export const send = (channel: SocialChannel, p: OutgoingPost, timeoutMs = 5_000) =>
  channel.send(p, AbortSignal.timeout(timeoutMs));

export async function failure(
  promise: Promise<unknown>,
  reason: ChannelFailure,
): Promise<ChannelError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ChannelError);
  expect((error as ChannelError).reason).toBe(reason);
  return error as ChannelError;
}
