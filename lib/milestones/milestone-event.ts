// What every milestone rule answers: a moment, with a natural key so it is recorded once.
import type { Config } from "@/lib/config";
import type { MilestoneKind } from "./templates";

/** A configured rule of one kind (or of several). */
export type MilestoneRule<K extends MilestoneKind> = Extract<
  Config["milestones"][number],
  { kind: K }
>;

export type MilestoneEvent = {
  /** Natural key: the same moment always has the same key. */
  key: string;
  rule: MilestoneKind;
  /** The configured rule's key: it picks the post's template. */
  ruleKey: string;
  metAt: Date;
  value: number;
  /** What the post can say about it; raw numbers, humanised when the text is rendered. */
  details: {
    label: string;
    [field: string]: string | number | boolean | null;
  };
};
