// Local stand-ins for the networks Liftoff posts to, each a real HTTP server on 127.0.0.1.
export type { FakeAnswer, FakeServer, ReceivedRequest, ScriptedAnswer } from "./fake-server";
export { startFakeBluesky, type FakeBluesky, type FakeRecord } from "./fake-bluesky";
export { startFakeMastodon, type FakeMastodon, type FakeStatus } from "./fake-mastodon";
export { startFakeWebhook, type FakeDelivery, type FakeWebhook } from "./fake-webhook";
export { startFakeX, type FakeX, type XScriptedAnswer } from "./fake-x";
