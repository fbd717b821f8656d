// Moves one post from one of the states a decision applies to into the next, in one conditional
// UPDATE (… WHERE id = $1 AND status IN (…)): when two founders, or a founder and the sender, race,
// exactly one of them changes the row and the other learns its state from a 409. The audit trail
// records the founder who changed it in the same transaction: once, and only when it changed.
import { type Founder, recordAudit } from "@/lib/audit/record-audit";
import type { Database } from "@/lib/database/client";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PostStatus } from "../queries/milestones-page-types";
import { PostStateError } from "./post-state-error";

export type Transition = {
  from: readonly PostStatus[];
  data: Prisma.PostUpdateManyMutationInput & { status: PostStatus };
  /** The decision as a participle, for the 409 and the audit trail: "approved", "cancelled". */
  action: string;
  /** Said after the post in the audit trail's summary, e.g. "with an edited text". */
  detail?: string;
};

export type TransitionedPost = { id: number; status: PostStatus; text: string; url: string | null };

export const noSuchPost = () => new NotFoundError("No such post.");

export async function transitionPost(
  db: Database,
  founder: Founder,
  id: number | null,
  transition: Transition,
): Promise<TransitionedPost> {
  if (id === null) throw noSuchPost();
  const post = await db.$transaction(async (tx) => {
    const [row] = await tx.post.updateManyAndReturn({
      where: { id, status: { in: [...transition.from] } },
      data: transition.data,
      select: { id: true, status: true, text: true, url: true, channel: true },
    });
    if (!row) return null;
    const detail = transition.detail ? ` ${transition.detail}` : "";
    await recordAudit(tx, founder, {
      action: `post.${transition.action}`,
      subjectId: id,
      summary: `Post ${id} on ${row.channel} ${transition.action}${detail}`,
    });
    return { id: row.id, status: row.status, text: row.text, url: row.url };
  });
  if (post) return post;
  const current = await db.post.findUnique({ where: { id }, select: { status: true } });
  if (!current) throw noSuchPost();
  throw new PostStateError(id, current.status, transition.action, transition.from);
}
