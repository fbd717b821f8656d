// The `alerts` and `webhooks` sections of liftoff.config.yaml.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";

const service = "service: { name: Stashbox, domain: stashbox.test }\n";

function problems(text: string): string {
  try {
    parseConfig(service + text, "liftoff.config.yaml");
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the configuration to be refused");
}

describe("alerts and webhooks configuration", () => {
  it("is empty by default, in the example too", () => {
    expect(parseConfig(service, "t.yaml")).toMatchObject({ alerts: [], webhooks: [] });
    const example = parseConfig(readFileSync("liftoff.config.example.yaml", "utf8"), "example");
    expect(example).toMatchObject({ alerts: [], webhooks: [] });
  });

  it("fills the events and timeouts", () => {
    const config = parseConfig(
      `${service}alerts:
  - { key: founders, kind: slack, urlEnv: FOUNDERS_SLACK_URL }
  - { key: pager, kind: webhook, urlEnv: PAGER_URL, events: [outage-opened], timeout: 2s }
webhooks:
  - { key: partner, urlEnv: PARTNER_URL, secretEnv: PARTNER_SECRET }`,
      "t.yaml",
    );
    expect(config.alerts).toEqual([
      {
        key: "founders",
        kind: "slack",
        urlEnv: "FOUNDERS_SLACK_URL",
        events: ["outage-opened", "outage-closed"],
        timeout: 5_000,
      },
      {
        key: "pager",
        kind: "webhook",
        urlEnv: "PAGER_URL",
        events: ["outage-opened"],
        timeout: 2_000,
      },
    ]);
    expect(config.webhooks).toEqual([
      { key: "partner", urlEnv: "PARTNER_URL", secretEnv: "PARTNER_SECRET", timeout: 5_000 },
    ]);
  });

  it("names the key path of each mistake", () => {
    const message = problems(`alerts:
  - { key: founders, kind: teams, urlEnv: FOUNDERS_URL }
  - { key: founders, kind: slack, urlEnv: "https://hooks.slack.com/services/T0/B0/x" }
  - { key: ops, kind: discord, urlEnv: OPS_URL, events: [incident-created] }
webhooks:
  - { key: partner, urlEnv: PARTNER_URL }`);
    expect(message).toMatch(/alerts\[0\]\.kind: expected one of .*"slack".*found "teams"/);
    expect(message).toMatch(/alerts\[1\]\.urlEnv: expected the name of an environment variable/);
    expect(message).toMatch(/alerts\[2\]\.events\[0\]: expected one of .*found "incident-created"/);
    expect(message).toMatch(/webhooks\[0\]\.secretEnv: expected a string, found nothing/);
  });

  it("refuses a key used twice, an event listed twice and a secret in the URL's variable", () => {
    const message = problems(`alerts:
  - { key: founders, kind: slack, urlEnv: A_URL }
  - { key: founders, kind: discord, urlEnv: B_URL, events: [outage-opened, outage-opened] }
webhooks:
  - { key: partner, urlEnv: C_URL, secretEnv: C_SECRET }
  - { key: partner, urlEnv: D_URL, secretEnv: D_URL }`);
    expect(message).toMatch(/alerts\[1\]\.events\[1\]: expected an event not listed earlier/);
    expect(message).toMatch(/webhooks\[1\]\.secretEnv: expected a variable other than urlEnv/);
    expect(message).toMatch(/alerts\[1\]\.key: expected a key not used earlier in alerts/);
    expect(message).toMatch(/webhooks\[1\]\.key: expected a key not used earlier in webhooks/);
  });
});
