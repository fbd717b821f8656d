// Moves one post from one of the states a decision applies to into the next, in one conditional
// UPDATE (… WHERE id = $1 AND status IN (…)): when two founders, or a founder and the sender, race,
// exactly one of them changes the row and the other learns its state from a 409.
import type { Database } from "@/lib/database/client";
import { NotFoundError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PostStatus } from "../queries/milestones-page-types";
import { PostStateError } from "./post-state-error";

export type Transition = {
  from: readonly PostStatus[];
  data: Prisma.PostUpdateManyMutationInput & { status: PostStatus };
  /** The decision as a participle, for the 409: "approved", "cancelled". */
  action: string;
};

export type TransitionedPost = { id: number; status: PostStatus; text: string; url: string | null };

export const noSuchPost = () => new NotFoundError("No such post.");

export async function transitionPost(
  db: Database,
  id: number | null,
  transition: Transition,
): Promise<TransitionedPost> {
  if (id === null) throw noSuchPost();
  const [post] = await db.post.updateManyAndReturn({
    where: { id, status: { in: [...transition.from] } },
    data: transition.data,
    select: { id: true, status: true, text: true, url: true },
  });
  if (post) return post;
  const current = await db.post.findUnique({ where: { id }, select: { status: true } });
  if (!current) throw noSuchPost();
  throw new PostStateError(id, current.status, transition.action, transition.from);
}
