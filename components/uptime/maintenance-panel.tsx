"use client";
// Schedule a maintenance window (times on the viewer's clock), and mark a window completed.
import { useState } from "react";
import { useIsClient } from "@/components/hooks/use-now";
import { LocalDateTime } from "@/components/ui/relative-time";
import { isoToLocalInput, localInputToIso } from "@/lib/api-client/uptime";
import type {
  ControlComponent,
  ControlMaintenance,
} from "@/lib/status/manage/status-control-types";
import { maintenanceStatusLabel } from "@/lib/status/status-labels";
import { ComponentChoice } from "./component-choice";
import { TextField } from "./control-fields";
import { FounderForm, WriteActions } from "./founder-form";
import { useFounderWrite } from "./use-founder-write";

const HOUR = 3_600_000;

/** The first guess for an empty "from": tomorrow, on the hour, on the viewer's clock. */
function tomorrowOnTheHour(): number {
  return Math.ceil((Date.now() + 24 * HOUR) / HOUR) * HOUR;
}

function CompleteButton({ maintenance }: { maintenance: ControlMaintenance }) {
  const write = useFounderWrite();
  if (maintenance.status === "completed") return null;
  return (
    <WriteActions
      write={write}
      label="Mark completed"
      pendingLabel="Saving…"
      small
      ghost
      onClick={() =>
        write.send(
          {
            method: "PATCH",
            path: `/api/status-admin/maintenances/${maintenance.id}`,
            body: { status: "completed" },
          },
          `“${maintenance.name}” is marked completed.`,
        )
      }
    />
  );
}

function ScheduleForm({ components }: { components: ControlComponent[] }) {
  const write = useFounderWrite();
  const isClient = useIsClient();
  const [name, setName] = useState("");
  const [body, setBody] = useState("");
  const [from, setFrom] = useState("");
  const [until, setUntil] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);

  const submit = () =>
    write.send(
      {
        method: "POST",
        path: "/api/status-admin/maintenances",
        body: {
          name,
          body,
          // An empty or unreadable time goes as it is, so the API names the field.
          scheduledFor: localInputToIso(from) ?? from,
          scheduledUntil: localInputToIso(until) ?? until,
          components: chosen,
        },
      },
      `“${name.trim()}” is scheduled.`,
      () => {
        setName("");
        setBody("");
        setChosen([]);
      },
    );

  return (
    <FounderForm
      name="Schedule a maintenance"
      testId="maintenance-form"
      onSubmit={submit}
      write={write}
      label="Schedule"
      pendingLabel="Scheduling…"
    >
      <TextField label="Name" value={name} onChange={setName} placeholder="Database upgrade" />
      <div className="control-row">
        <label className="control-field">
          <span>From</span>
          <input
            type="datetime-local"
            value={from}
            onChange={(e) => setFrom(e.target.value)}
            onFocus={() => {
              if (!from && isClient) setFrom(isoToLocalInput(tomorrowOnTheHour()));
            }}
          />
        </label>
        <label className="control-field">
          <span>Until</span>
          <input
            type="datetime-local"
            value={until}
            onChange={(e) => setUntil(e.target.value)}
            onFocus={() => {
              if (until || !isClient) return;
              const fromIso = localInputToIso(from);
              const start = fromIso ? Date.parse(fromIso) : tomorrowOnTheHour();
              setUntil(isoToLocalInput(start + 2 * HOUR));
            }}
          />
        </label>
      </div>
      <ComponentChoice
        components={components}
        chosen={chosen}
        onChange={setChosen}
        legend="Components"
      />
      <TextField label="What visitors should know" value={body} onChange={setBody} rows={2} />
    </FounderForm>
  );
}

export function MaintenancePanel({
  components,
  maintenances,
}: {
  components: ControlComponent[];
  maintenances: ControlMaintenance[];
}) {
  return (
    <div className="stack">
      <ScheduleForm components={components} />
      {maintenances.length ? (
        <ul className="control-list" aria-label="Maintenance windows">
          {maintenances.map((m) => (
            <li
              key={m.id}
              className="control-list__item"
              data-testid="control-maintenance"
              data-status={m.status}
            >
              <p>
                <strong>{m.name}</strong>{" "}
                <span className="badge">{maintenanceStatusLabel[m.status]}</span>
              </p>
              <p className="muted">
                <LocalDateTime iso={m.scheduledFor} /> – <LocalDateTime iso={m.scheduledUntil} />
                {m.components.length ? ` · ${m.components.join(", ")}` : ""}
              </p>
              <CompleteButton maintenance={m} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">No maintenance scheduled.</p>
      )}
    </div>
  );
}
