import { describe, expect, it } from "vitest";
import type { StatusComponent } from "@/lib/status/status-types";
import { arrangeComponents, worstStatus } from "./visible-components";
import { fixtureComponent, fixtureSnapshot } from "./status-snapshot.fixture";

const names = (rows: ReturnType<typeof arrangeComponents>) =>
  rows.map((row) =>
    row.kind === "group"
      ? `${row.group.name} [${row.children.map((c) => c.name).join(", ")}] ${row.status}`
      : row.component.name,
  );

describe("the components list", () => {
  it("groups children under their group, in page order, hiding what is only shown degraded", () => {
    expect(names(arrangeComponents(fixtureSnapshot.components))).toEqual([
      "Website",
      "API [Uploads, Sign-in] operational",
    ]);
  });

  it("shows a degraded component marked onlyShowIfDegraded", () => {
    const components = fixtureSnapshot.components.map((c) =>
      c.name === "CDN" ? { ...c, status: "partial_outage" as const } : c,
    );
    expect(names(arrangeComponents(components))).toContain("CDN");
  });

  it("gives a group the worst status of its children", () => {
    const components = fixtureSnapshot.components.map((c) =>
      c.name === "Sign-in" ? { ...c, status: "major_outage" as const } : c,
    );
    expect(names(arrangeComponents(components))).toContain("API [Uploads, Sign-in] major_outage");
  });

  it("leaves out a group whose children are all hidden", () => {
    const components: StatusComponent[] = [
      fixtureComponent({ id: "1", name: "Edge", group: true, components: ["2"] }),
      fixtureComponent({ id: "2", name: "Cache", groupId: "1", onlyShowIfDegraded: true }),
      fixtureComponent({ id: "3", name: "Website" }),
    ];
    expect(names(arrangeComponents(components))).toEqual(["Website"]);
    components[1] = { ...components[1]!, status: "degraded_performance" };
    expect(names(arrangeComponents(components))).toEqual([
      "Edge [Cache] degraded_performance",
      "Website",
    ]);
  });

  it("ranks statuses: outages over degradation over maintenance", () => {
    expect(worstStatus([])).toBe("operational");
    expect(worstStatus(["under_maintenance", "degraded_performance"])).toBe("degraded_performance");
    expect(worstStatus(["partial_outage", "major_outage", "operational"])).toBe("major_outage");
  });
});
