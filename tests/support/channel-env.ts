// The environment that gives the sender's test channels the fakes' credentials, under the
// variable names their configurations use (X_KEY, MASTO_TOKEN, SKY_ID...).
import type { FakeBluesky, FakeMastodon, FakeWebhook, FakeX } from "@/tests/fakes";

export function fakeChannelEnv(fakes: {
  x: FakeX;
  masto: FakeMastodon;
  sky: FakeBluesky;
  hook?: FakeWebhook;
}): Record<string, string> {
  const { x, masto, sky, hook } = fakes;
  return {
    X_KEY: x.credentials.consumerKey,
    X_SECRET: x.credentials.consumerSecret,
    X_TOKEN: x.credentials.token,
    X_TOKEN_SECRET: x.credentials.tokenSecret,
    MASTO_TOKEN: masto.token,
    SKY_ID: sky.identifier,
    SKY_PASSWORD: sky.password,
    ...(hook ? { HOOK_URL: hook.url } : {}),
  };
}
