// When X lets a rate-limited account post again. Every answer carries the endpoint's 15-minute
// window (x-rate-limit-*); on the free and basic tiers a 429 can also come from the 24-hour
// windows of the user or the app (x-user-limit-24hour-*, x-app-limit-24hour-*). The latest reset
// among the exhausted windows is the earliest moment a post can succeed.
import type { IncomingHttpHeaders } from "node:http";
import { resetFromEpochSeconds } from "./channel-failure";

const windows = ["x-rate-limit", "x-user-limit-24hour", "x-app-limit-24hour"] as const;

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

export function xRetryAt(headers: IncomingHttpHeaders): Date | undefined {
  const exhausted = windows
    .filter((window) => header(headers, `${window}-remaining`) === "0")
    .map((window) => resetFromEpochSeconds(header(headers, `${window}-reset`)))
    .filter((at): at is Date => at !== undefined);
  if (exhausted.length === 0) return resetFromEpochSeconds(header(headers, "x-rate-limit-reset"));
  return new Date(Math.max(...exhausted.map((at) => at.getTime())));
}
