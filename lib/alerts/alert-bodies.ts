// A founder's alert as each kind of destination wants it. Slack's incoming webhooks take
// `{text, blocks}` (text is the notification fallback; blocks use mrkdwn, where &, < and > are
// markup and must be escaped); Discord's take `{content, embeds}` (content up to 2000 characters,
// an embed's title 256, fields 25, each value 1024); a plain webhook gets a JSON object naming the
// event with the outage's facts. Pure.
import type { AlertConfig } from "@/lib/config/schema";
import { type AlertMessage, alertPlainText } from "./alert-text";
import type { OutageEventRow } from "./outage-events";

const escapeSlack = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

const cut = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1)}…` : text;

export function slackBody(message: AlertMessage) {
  const facts = message.fields.map((f) => `*${f.label}:* ${escapeSlack(f.value)}`).join("\n");
  return {
    text: cut(escapeSlack(message.title), 3000),
    blocks: [
      {
        type: "header",
        text: { type: "plain_text", text: cut(message.title, 150), emoji: true },
      },
      { type: "section", text: { type: "mrkdwn", text: cut(facts, 3000) } },
    ],
  };
}

/** Red while down, amber while slow, green once recovered. */
const discordColour = { down: 0xd93f3c, slow: 0xe8a317, recovered: 0x2fa84f };

export function discordBody(message: AlertMessage, severity: OutageEventRow["severity"]) {
  const colour =
    message.event === "outage-closed"
      ? discordColour.recovered
      : severity === "degraded"
        ? discordColour.slow
        : discordColour.down;
  return {
    content: cut(message.title, 2000),
    // Never ping anyone from text that came from a check's error.
    allowed_mentions: { parse: [] as string[] },
    embeds: [
      {
        title: cut(message.title, 256),
        color: colour,
        fields: message.fields.slice(0, 25).map((f) => ({
          name: cut(f.label, 256),
          value: cut(f.value, 1024),
          inline: f.label !== "Last error",
        })),
      },
    ],
  };
}

export function webhookBody(message: AlertMessage, o: OutageEventRow) {
  return {
    event: message.event.replace("-", "."),
    text: alertPlainText(message),
    outage: {
      id: String(o.outageId),
      monitor: { key: o.monitorKey, name: o.monitorName },
      component: o.componentName,
      severity: o.severity,
      started_at: o.startedAt.toISOString(),
      ended_at: o.endedAt?.toISOString() ?? null,
      duration_seconds: o.endedAt
        ? Math.round((o.endedAt.getTime() - o.startedAt.getTime()) / 1000)
        : null,
      last_error: o.lastError,
      last_http_status: o.lastHttpStatus,
    },
  };
}

/** The JSON text to send to one alert destination. */
export function alertBody(
  kind: AlertConfig["kind"],
  message: AlertMessage,
  o: OutageEventRow,
): string {
  switch (kind) {
    case "slack":
      return JSON.stringify(slackBody(message));
    case "discord":
      return JSON.stringify(discordBody(message, o.severity));
    case "webhook":
      return JSON.stringify(webhookBody(message, o));
  }
}
