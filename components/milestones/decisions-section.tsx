"use client";
// What waits for a founder, at the top of the page: posts to approve, then posts to reconcile.
// What was last decided stays said here after its post has left the list.
import { type ComponentType, useState } from "react";
import { Card } from "@/components/ui/card";
import { WriteFeedback } from "@/components/uptime/write-feedback";
import type {
  ChannelView,
  DecisionView,
  MilestonesPageData,
} from "@/lib/milestones/queries/milestones-page-types";
import { ApprovalItem, type DecisionItemProps } from "./approval-item";
import { ReconcileItem } from "./reconcile-item";

type DecisionListProps = {
  title: string;
  note: string;
  testId: string;
  posts: DecisionView[];
  Item: ComponentType<DecisionItemProps>;
  channel: (key: string) => ChannelView | undefined;
  onDecided: (done: string) => void;
};

function DecisionList({ title, note, testId, posts, Item, channel, onDecided }: DecisionListProps) {
  if (!posts.length) return null;
  return (
    <Card title={title} action={note} data-testid={testId}>
      <ul className="control-list">
        {posts.map((post) => (
          <Item key={post.id} post={post} channel={channel(post.channel)} onDecided={onDecided} />
        ))}
      </ul>
    </Card>
  );
}

export function DecisionsSection({ data }: { data: MilestonesPageData }) {
  const [decided, setDecided] = useState<string | null>(null);
  const channel = (key: string) => data.channels.find((c) => c.key === key);
  if (!data.approvals.length && !data.reconcile.length && !decided) return null;

  return (
    <section id="decisions" className="stack" aria-label="Waiting for you" data-testid="decisions">
      <WriteFeedback error={null} success={decided} />
      <DecisionList
        title="Posts to approve"
        note={`${data.approvals.length} waiting`}
        testId="approvals"
        posts={data.approvals}
        Item={ApprovalItem}
        channel={channel}
        onDecided={setDecided}
      />
      <DecisionList
        title="Posts to check"
        note="did they reach the network?"
        testId="reconciles"
        posts={data.reconcile}
        Item={ReconcileItem}
        channel={channel}
        onDecided={setDecided}
      />
    </section>
  );
}
