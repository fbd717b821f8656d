// The last good snapshot on disk, so that a web server restarted while PostgreSQL is down still
// has something true to say. It is stored with the identity of what it was made from (the
// database and the configuration, status-identity.ts) and read back only for the same identity:
// a restart against another database or configuration never shows the previous one's status.
// Written atomically (a temporary file, then a rename); a missing, unreadable, foreign or
// mismatched file reads as nothing.
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import type { StatusSnapshot } from "./status-types";

export type SnapshotStore = {
  read(): Promise<StatusSnapshot | null>;
  write(snapshot: StatusSnapshot): Promise<void>;
};

const looksLikeSnapshot = (value: unknown): value is StatusSnapshot => {
  const s = value as Partial<StatusSnapshot> | null;
  return (
    typeof s?.generatedAt === "string" &&
    typeof s.page?.id === "string" &&
    typeof s.status?.indicator === "string" &&
    Array.isArray(s.components) &&
    Array.isArray(s.incidents) &&
    Array.isArray(s.maintenances)
  );
};

type Lazy = string | (() => string);
const resolve = (value: Lazy) => (typeof value === "string" ? value : value());

/** `file` and `identity` are asked for when first needed (they may depend on the environment). */
export function fileSnapshotStore(file: Lazy, identity: Lazy): SnapshotStore {
  return {
    async read() {
      try {
        const saved = JSON.parse(await readFile(resolve(file), "utf8")) as {
          identity?: unknown;
          snapshot?: unknown;
        } | null;
        if (saved?.identity !== resolve(identity)) return null;
        return looksLikeSnapshot(saved.snapshot) ? saved.snapshot : null;
      } catch {
        return null;
      }
    },
    async write(snapshot) {
      const where = resolve(file);
      await mkdir(path.dirname(where), { recursive: true });
      const temporary = `${where}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify({ identity: resolve(identity), snapshot }));
      await rename(temporary, where);
    },
  };
}
