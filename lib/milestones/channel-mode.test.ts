import { describe, expect, it } from "vitest";
import type { ChannelConfig } from "@/lib/config/schema";
import { channelMode } from "./channel-mode";

const bluesky: ChannelConfig = {
  key: "sky",
  kind: "bluesky",
  baseUrl: "https://bsky.social",
  identifierEnv: "SKY_ID",
  passwordEnv: "SKY_PASSWORD",
  dailyCap: 10,
  templates: {},
};

describe("channel mode", () => {
  it("is the configured mode (auto by default) when every credential is set", () => {
    const env = { SKY_ID: "a", SKY_PASSWORD: "b" };
    expect(channelMode(bluesky, env)).toBe("auto");
    expect(channelMode({ ...bluesky, mode: "approve" }, env)).toBe("approve");
  });

  it("is dry-run when a credential is missing or empty", () => {
    expect(channelMode({ ...bluesky, mode: "auto" }, { SKY_ID: "a" })).toBe("dry-run");
    expect(channelMode(bluesky, { SKY_ID: "a", SKY_PASSWORD: "" })).toBe("dry-run");
  });
});
