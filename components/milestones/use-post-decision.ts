"use client";
// A founder's decision on a post: the Uptime page's founder write (pending, the API's message or a
// success note), sent to the post's decision route, and the Milestones page reloaded afterwards.
import { useQueryClient } from "@tanstack/react-query";
import { useFounderWrite } from "@/components/uptime/use-founder-write";
import { MILESTONES_KEY, postActionPath } from "@/lib/api-client/milestones";
import type { PostActionName } from "@/lib/milestones/queries/milestones-page-types";

export type PostDecision = ReturnType<typeof usePostDecision>;

export function usePostDecision(postId: number) {
  const write = useFounderWrite();
  const queryClient = useQueryClient();
  return {
    ...write,
    /** Sends `action` with `body`; on success shows `done`, tells `onDone` and reloads the page. */
    decide(action: PostActionName, body: object, done: string, onDone?: (done: string) => void) {
      write.send({ method: "POST", path: postActionPath(postId, action), body }, done, () => {
        onDone?.(done);
        void queryClient.invalidateQueries({ queryKey: MILESTONES_KEY });
      });
    },
  };
}
