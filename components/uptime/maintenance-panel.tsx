"use client";
// Schedule a maintenance window (times on the viewer's clock), and mark a window completed.
import { useState, type FormEvent } from "react";
import { useIsClient } from "@/components/hooks/use-now";
import { LocalDateTime } from "@/components/ui/relative-time";
import { isoToLocalInput, localInputToIso } from "@/lib/api-client/uptime";
import type {
  ControlComponent,
  ControlMaintenance,
} from "@/lib/status/manage/status-control-types";
import { maintenanceStatusLabel } from "@/lib/status/status-labels";
import { ComponentCheckboxes } from "./component-checkboxes";
import { useStatusWrite } from "./use-status-write";
import { WriteFeedback } from "./write-feedback";

const HOUR = 3_600_000;

/** The first guess for an empty "from": tomorrow, on the hour, on the viewer's clock. */
function tomorrowOnTheHour(): number {
  return Math.ceil((Date.now() + 24 * HOUR) / HOUR) * HOUR;
}

function CompleteButton({ maintenance }: { maintenance: ControlMaintenance }) {
  const write = useStatusWrite();
  if (maintenance.status === "completed") return null;
  return (
    <div className="control-form__actions">
      <button
        type="button"
        className="button button--small button--ghost"
        disabled={write.pending}
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
      >
        {write.pending ? "Saving…" : "Mark completed"}
      </button>
      <WriteFeedback error={write.error} success={write.success} />
    </div>
  );
}

function ScheduleForm({ components }: { components: ControlComponent[] }) {
  const write = useStatusWrite();
  const isClient = useIsClient();
  const [name, setName] = useState("");
  const [body, setBody] = useState("");
  const [from, setFrom] = useState("");
  const [until, setUntil] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
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
  }

  return (
    <form
      className="control-form"
      onSubmit={submit}
      aria-label="Schedule a maintenance"
      data-testid="maintenance-form"
    >
      <h3 className="control-form__title">Schedule a maintenance</h3>
      <label className="control-field">
        <span>Name</span>
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={300}
          placeholder="Database upgrade"
        />
      </label>
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
      <ComponentCheckboxes
        components={components}
        chosen={chosen}
        onChange={setChosen}
        legend="Components"
      />
      <label className="control-field">
        <span>What visitors should know</span>
        <textarea
          value={body}
          onChange={(e) => setBody(e.target.value)}
          rows={2}
          maxLength={5000}
        />
      </label>
      <div className="control-form__actions">
        <button type="submit" className="button" disabled={write.pending}>
          {write.pending ? "Scheduling…" : "Schedule"}
        </button>
        <WriteFeedback error={write.error} success={write.success} />
      </div>
    </form>
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
