// What GET /api/status-admin answers: the status page's hand-written parts, for founders to change.
import type {
  ComponentStatus,
  IncidentImpact,
  IncidentStatus,
  MaintenanceStatus,
} from "@/lib/status/status-types";

export type ControlComponent = {
  key: string;
  name: string;
  /** The group it sits in, by name. */
  group: string | null;
  /** Null: its monitors decide. */
  statusOverride: ComponentStatus | null;
};

export type ControlIncident = {
  id: number;
  name: string;
  status: IncidentStatus;
  impact: IncidentImpact;
  automatic: boolean;
  startedAt: string;
  resolvedAt: string | null;
  components: string[];
  latestUpdate: { status: IncidentStatus; body: string; at: string } | null;
};

export type ControlMaintenance = {
  id: number;
  name: string;
  body: string;
  /** As stored: a scheduled window the clock has reached still says "scheduled" here. */
  status: MaintenanceStatus;
  scheduledFor: string;
  scheduledUntil: string;
  components: string[];
};

export type StatusControlData = {
  generatedAt: string;
  components: ControlComponent[];
  incidents: ControlIncident[];
  maintenances: ControlMaintenance[];
};
