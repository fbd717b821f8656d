"use client";
// One founder's write to the status page: sends it, says it is pending, keeps the API's error
// message or a success note, and reloads the status controls (and the page's data) afterwards.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { sendJson } from "@/lib/api-client/uptime";

export type StatusWrite = { method: "POST" | "PATCH"; path: string; body: unknown };

export type FounderWrite = ReturnType<typeof useFounderWrite>;

export function useFounderWrite() {
  const queryClient = useQueryClient();
  const [success, setSuccess] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (write: StatusWrite & { done: string }) =>
      sendJson(write.method, write.path, write.body),
    onMutate: () => setSuccess(null),
    onSuccess: async (_answer, write) => {
      setSuccess(write.done);
      await queryClient.invalidateQueries({ queryKey: ["uptime"] });
    },
  });
  return {
    /** Sends `write`; on success shows `done` and calls `onDone` (to clear the form). */
    send: (write: StatusWrite, done: string, onDone?: () => void) =>
      mutation.mutate({ ...write, done }, { onSuccess: () => onDone?.() }),
    pending: mutation.isPending,
    error: mutation.error instanceof Error ? mutation.error.message : null,
    success,
  };
}
