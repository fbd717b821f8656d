// What an automatic incident says in public: its impact, its name and the text of its updates,
// from the severity of the outage behind it. Pure.
import type { OutageSeverity } from "@/lib/uptime/component-status";
import type { IncidentImpact } from "./status-types";

export type { OutageSeverity };

export const severityRank: Record<OutageSeverity, number> = { degraded: 1, partial: 2, major: 3 };
export const impactRank: Record<IncidentImpact, number> = {
  none: 0,
  minor: 1,
  major: 2,
  critical: 3,
};

/**
 * An outage's severity as an incident's impact, one step up the scale so that a service that is
 * down reads as critical (Statuspage's red): degraded → minor, partial → major, major → critical.
 */
export const impactOfSeverity: Record<OutageSeverity, IncidentImpact> = {
  degraded: "minor",
  partial: "major",
  major: "critical",
};

const severityLabel: Record<OutageSeverity, string> = {
  degraded: "degraded performance",
  partial: "partial outage",
  major: "major outage",
};

export function worstSeverity(severities: OutageSeverity[]): OutageSeverity | null {
  let worst: OutageSeverity | null = null;
  for (const s of severities) if (!worst || severityRank[s] > severityRank[worst]) worst = s;
  return worst;
}

/** "Uploads and downloads: major outage". */
export function incidentName(componentName: string, severity: OutageSeverity): string {
  return `${componentName}: ${severityLabel[severity]}`;
}

/** The name after the outage got worse; a name a founder rewrote is left alone. */
export function renameForSeverity(name: string, severity: OutageSeverity): string {
  for (const label of Object.values(severityLabel)) {
    const suffix = `: ${label}`;
    if (name.endsWith(suffix))
      return `${name.slice(0, -suffix.length)}: ${severityLabel[severity]}`;
  }
  return name;
}

/** The first update of an automatic incident. */
export function openingBody(componentName: string, severity: OutageSeverity): string {
  switch (severity) {
    case "degraded":
      return `${componentName} is responding more slowly than usual. We are investigating.`;
    case "partial":
      return `Some requests to ${componentName} are failing. We are investigating.`;
    case "major":
      return `${componentName} is not responding. We are investigating.`;
  }
}

/** "1 h 12 min", "45 min", "2 d 3 h", "less than a minute". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return "less than a minute";
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days && `${days} d`, hours && `${hours} h`, rest && `${rest} min`];
  return parts.filter(Boolean).join(" ");
}

/** "This incident has been resolved. It lasted 1 h 12 min." */
export function resolvedBody(startedAt: Date, resolvedAt: Date): string {
  const lasted = formatDuration(resolvedAt.getTime() - startedAt.getTime());
  return `This incident has been resolved. It lasted ${lasted}.`;
}
