// A post's text against its channel's limit, before a founder's decision sends it: the channel as
// liftoff.config.yaml declares it now, and a 422 naming the limit when the text does not fit.
import type { LoadedConfig } from "@/lib/config";
import type { Database } from "@/lib/database/client";
import { ValidationError } from "@/lib/errors";
import { postTooLong } from "../post-limits";
import { noSuchPost } from "./transition-post";

export type ChannelsConfig = Pick<LoadedConfig, "channels">;

/** Throws unless post `id` exists, its channel is declared, and `text` (default its own) fits. */
export async function checkPostFits(
  db: Database,
  config: ChannelsConfig,
  id: number | null,
  text?: string,
): Promise<void> {
  const post =
    id === null
      ? null
      : await db.post.findUnique({ where: { id }, select: { channel: true, text: true } });
  if (!post) throw noSuchPost();
  const channel = config.channels.find((c) => c.key === post.channel);
  if (!channel) {
    throw new ValidationError(
      `channel: "${post.channel}" is no longer declared under channels in liftoff.config.yaml, so nothing could send this post`,
    );
  }
  const reason = postTooLong(text ?? post.text, channel);
  if (reason) throw new ValidationError(`text: ${reason}`);
}
