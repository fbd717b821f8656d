// What the page prefetches: the answers of GET /api/uptime for the browser's query string and of
// GET /api/status-admin, read the way the routes read them.
import "server-only";
import { uptimePath } from "@/lib/api-client/uptime";
import { getConfig } from "@/lib/config";
import { db } from "@/lib/db";
import { readStatusControl } from "@/lib/status/manage/read-status-control";
import { readUptimePage } from "@/lib/uptime/queries/read-uptime-page";
import type { UptimeRange } from "@/lib/uptime/queries/uptime-page-types";

export function loadUptime(range: UptimeRange) {
  const search = new URL(uptimePath(range), "http://local").searchParams;
  return readUptimePage(db(), getConfig(), search);
}

export function loadStatusControl() {
  return readStatusControl(db());
}
