// The last good snapshot on disk, so that a web server restarted while PostgreSQL is down still
// has something true to say. Written atomically (a temporary file, then a rename); a missing,
// unreadable or foreign file reads as nothing.
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

/** `file` is asked for when first needed (it may depend on the environment). */
export function fileSnapshotStore(file: string | (() => string)): SnapshotStore {
  const where = () => (typeof file === "string" ? file : file());
  return {
    async read() {
      try {
        const value: unknown = JSON.parse(await readFile(where(), "utf8"));
        return looksLikeSnapshot(value) ? value : null;
      } catch {
        return null;
      }
    },
    async write(snapshot) {
      const file = where();
      await mkdir(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify(snapshot));
      await rename(temporary, file);
    },
  };
}
