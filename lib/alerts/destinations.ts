// Where notifications go: the founders' alert destinations (`alerts`) and the public status
// webhooks (`webhooks`) of liftoff.config.yaml, under one shape. A row of the outbox names its
// destination by section and key; the URL and secret are read from the environment only when a
// message is sent, so they never reach the database, a log line or an error.
import type { Config } from "@/lib/config";
import type { AlertConfig, StatusWebhookConfig } from "@/lib/config/schema";

export type Section = "alerts" | "webhooks";

export type Destination =
  | { section: "alerts"; key: string; config: AlertConfig }
  | { section: "webhooks"; key: string; config: StatusWebhookConfig };

export type DestinationConfig = Pick<Config, "alerts" | "webhooks">;

/** "alerts.founders-slack": how logs, errors and rows name a destination (never its URL). */
export const destinationLabel = (section: Section, key: string) => `${section}.${key}`;

export function findDestination(
  config: DestinationConfig,
  section: string,
  key: string,
): Destination | null {
  if (section === "alerts") {
    const found = config.alerts.find((a) => a.key === key);
    return found ? { section, key, config: found } : null;
  }
  if (section === "webhooks") {
    const found = config.webhooks.find((w) => w.key === key);
    return found ? { section, key, config: found } : null;
  }
  return null;
}
