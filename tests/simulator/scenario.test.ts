import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import {
  defaultScenarioPath,
  loadScenario,
  parseScenario,
  ScenarioError,
} from "@/simulator/scenario";

type Path = (string | number)[];
type Node = Record<string | number, unknown>;

/** The launch-week document with each change applied (undefined deletes the key). */
async function changedDocument(...changes: [Path, unknown][]): Promise<unknown> {
  const document: unknown = parseYaml(await readFile(defaultScenarioPath, "utf8"));
  for (const [path, value] of changes) {
    const parent = path
      .slice(0, -1)
      .reduce<Node>((node, key) => node[key] as Node, document as Node);
    const key = path.at(-1)!;
    if (value === undefined) delete parent[key];
    else parent[key] = value;
  }
  return document;
}

function rejectionOf(document: unknown): string {
  try {
    parseScenario(document);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as Error).message;
  }
  throw new Error("expected the scenario to be rejected");
}

describe("scenario", () => {
  it("loads the launch-week file", async () => {
    const scenario = await loadScenario();
    expect(scenario.service.domain).toBe("stashbox.test");
    expect(scenario.launch.toISOString()).toBe("2026-01-20T00:00:00.000Z");
    expect(scenario.competitors).toHaveLength(3);
    expect(scenario.outages.some((outage) => outage.mode === "down")).toBe(true);
  });

  it("names the key path of a bad value", async () => {
    const document = await changedDocument([["outages", 1, "durationMinutes"], -5]);
    expect(rejectionOf(document)).toMatch(/outages\.1\.durationMinutes: .*>0/);
  });

  it("names the key path of a missing key and of an unknown outage mode", async () => {
    const message = rejectionOf(
      await changedDocument([["service", "domain"], undefined], [["outages", 0, "mode"], "flaky"]),
    );
    expect(message).toContain("service.domain:");
    expect(message).toContain("outages.0.mode:");
  });

  it("refuses a user curve that goes down and hours that go back", async () => {
    const message = rejectionOf(
      await changedDocument(
        [["users", "points", 3, 1], 1],
        [["sources", "tranco", "ranks", "global", 2, 0], 0],
      ),
    );
    expect(message).toContain("users.points.3.1: users_total cannot decrease");
    expect(message).toContain("sources.tranco.ranks.global.2.0: hours must increase");
  });

  it("requires a global curve and well-formed scopes", async () => {
    const message = rejectionOf(
      await changedDocument(
        [["sources", "alexa", "ranks"], { NZ: [[0, 5]] }],
        [["sources", "cloudflare", "ranks", "nz"], [[0, 5]]],
      ),
    );
    expect(message).toContain("sources.alexa.ranks: a global curve is required");
    expect(message).toContain('sources.cloudflare.ranks.nz: expected "global" or a two-letter');
  });

  it("reports YAML syntax errors with the file's path", async () => {
    const path = join(await mkdtemp(join(tmpdir(), "sim-")), "broken.yaml");
    await writeFile(path, "service: [unclosed\n");
    await expect(loadScenario(path)).rejects.toThrow(`Invalid YAML in ${path}`);
  });
});
