// Liftoff's processes stop when what started them is gone, so nothing is left serving after a
// hard kill. A child of the launcher (web, worker) has an IPC channel to it, which closes the
// moment the launcher dies however it died. The launcher itself watches its parent: under
// `npm start` that is npm, which passes SIGINT and SIGTERM on, but dies of SIGHUP or SIGKILL
// without a word (`npm run` through sh and tsx: each process up to npm).
import { argumentsOf, isAlive, parentOf } from "@/lib/process/procfs";

const pollMs = 1_000;

/**
 * The processes this one depends on: its parent and, under `npm run`, each one up to npm itself
 * (npm → sh → tsx → this when a script does not `exec` node), at most four.
 */
function ancestors(): number[] {
  const chain = [process.ppid];
  if (!process.env.npm_lifecycle_event) return chain;
  for (
    let pid = process.ppid;
    chain.length < 4 && !/^npm\b|\/npm(-cli\.js)?\b/.test((argumentsOf(pid) ?? []).join(" "));
  ) {
    const parent = parentOf(pid);
    if (!parent || parent <= 1) return [process.ppid]; // npm not found above: watch the parent only
    chain.push(parent);
    pid = parent;
  }
  return chain;
}

/**
 * Calls `onGone` once, when this process's parent (or, under npm, any process up to npm) exits or
 * the IPC channel to the parent closes.
 */
export function watchParent(onGone: (why: string) => void): void {
  let called = false;
  const gone = (why: string) => {
    if (called) return;
    called = true;
    clearInterval(timer);
    onGone(why);
  };
  if (process.channel) process.once("disconnect", () => gone("the launcher is gone"));
  const parent = process.ppid;
  const watched = ancestors();
  const timer = setInterval(() => {
    if (process.ppid !== parent) gone("its parent process is gone");
    else if (!watched.every(isAlive)) gone("npm, which started it, is gone");
  }, pollMs).unref();
}
