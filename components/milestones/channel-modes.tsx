// Where posts go and how: each configured channel with its mode (sent on its own, after a
// founder's approval, or a dry run that is recorded and never sent).
import type { ChannelView } from "@/lib/milestones/queries/milestones-page-types";

const modeLabel: Record<ChannelView["mode"], string> = {
  auto: "posts on its own",
  approve: "asks for approval",
  "dry-run": "dry run",
};

export function ChannelModes({ channels }: { channels: ChannelView[] }) {
  if (!channels.length) {
    return (
      <p className="muted channel-modes">
        No channels: add accounts under <code>channels</code> in liftoff.config.yaml.
      </p>
    );
  }
  return (
    <ul className="channel-modes" aria-label="Channels">
      {channels.map((channel) => (
        <li key={channel.key} className="badge" data-testid={`channel-${channel.key}`}>
          {channel.key} · {modeLabel[channel.mode]}
          {channel.mode === "dry-run" && channel.settings.mode !== "dry-run"
            ? ": its credentials are not set"
            : ""}
        </li>
      ))}
    </ul>
  );
}
