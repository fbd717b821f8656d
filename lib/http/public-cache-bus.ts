// The public response cache lives in the front server (bin/web-server.ts), a process apart from
// Next.js, which it starts with an IPC channel. A founder's change, handled in Next.js, tells the
// front through that channel that its copies are from before the change. Without a front (tests,
// `next dev`) there is no channel and nothing to tell.
const clearMessage = { liftoff: "public-responses-changed" } as const;

/** Tells the front server to drop its copies of the public pages. */
export function clearPublicResponses(): void {
  if (process.send && process.connected) process.send(clearMessage);
}

export function isPublicResponsesMessage(message: unknown): boolean {
  return (
    typeof message === "object" &&
    message !== null &&
    (message as { liftoff?: unknown }).liftoff === clearMessage.liftoff
  );
}
