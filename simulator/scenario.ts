import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parse as parseYaml } from "yaml";
import { z } from "zod";

export const COMPONENTS = ["web", "api", "uploads"] as const;
export const RANK_SOURCES = [
  "tranco",
  "cloudflare",
  "majestic",
  "umbrella",
  "crux",
  "alexa",
] as const;

export const defaultScenarioPath = fileURLToPath(
  new URL("./scenarios/launch-week.yaml", import.meta.url),
);

const hour = z.number().finite();
const scope = z
  .string()
  .regex(/^(global|[A-Z]{2})$/, 'expected "global" or a two-letter country code such as NZ');

/** `[[hour, value], ...]` with strictly increasing hours; `nonDecreasing` also orders the values. */
function controlPoints(value: z.ZodNumber, nonDecreasing: boolean) {
  return z
    .array(z.tuple([hour, value]))
    .min(1)
    .superRefine((points, ctx) => {
      points.forEach(([h, v], i) => {
        const previous = points[i - 1];
        if (!previous) return;
        if (h <= previous[0]) {
          ctx.addIssue({ code: "custom", path: [i, 0], message: "hours must increase" });
        }
        if (nonDecreasing && v < previous[1]) {
          ctx.addIssue({ code: "custom", path: [i, 1], message: "users_total cannot decrease" });
        }
      });
    });
}

const rankPoints = controlPoints(z.number().int().positive(), false);

const outageBase = {
  startHour: hour,
  durationMinutes: z.number().positive(),
  components: z.array(z.enum(COMPONENTS)).min(1),
  signupFactor: z.number().min(0).max(1).optional(),
};

const outageSchema = z.discriminatedUnion("mode", [
  z.object({ ...outageBase, mode: z.literal("down") }),
  z.object({ ...outageBase, mode: z.literal("slow"), latencyMs: z.number().int().positive() }),
  z.object({ ...outageBase, mode: z.literal("partial"), failFraction: z.number().gt(0).lt(1) }),
]);

const rankSourceSchema = z.object({
  intervalHours: z.number().positive().default(24),
  maxRank: z.number().int().positive(),
  competitorScale: z.number().positive().default(1),
  ranks: z
    .record(scope, rankPoints)
    .refine((ranks) => "global" in ranks, { message: "a global curve is required" }),
});

const scenarioSchema = z.object({
  service: z.object({
    name: z.string().min(1),
    slug: z.string().regex(/^[a-z][a-z0-9_]*$/, "expected a Prometheus-safe name"),
    domain: z.string().min(3),
    bootHour: hour,
  }),
  launch: z.iso.datetime({ offset: true }).transform((iso) => new Date(iso)),
  seed: z.number().int(),
  listLength: z.number().int().min(100).max(1_000_000).default(100_000),
  users: z.object({
    points: controlPoints(z.number().int().nonnegative(), true),
    proShare: z.number().min(0).max(1),
    uploadsPerSignup: z.number().nonnegative(),
    outageSignupFactor: z.number().min(0).max(1),
  }),
  outages: z.array(outageSchema).default([]),
  competitors: z.array(
    z.object({
      domain: z.string().min(3),
      ranks: z
        .record(scope, z.number().int().positive())
        .refine((ranks) => "global" in ranks, { message: "a global rank is required" }),
    }),
  ),
  sources: z.object({
    tranco: rankSourceSchema,
    cloudflare: rankSourceSchema.extend({ token: z.string().min(1).optional() }),
    majestic: rankSourceSchema,
    umbrella: rankSourceSchema.extend({ subdomains: z.record(z.string(), z.number().positive()) }),
    crux: rankSourceSchema,
    alexa: rankSourceSchema,
  }),
});

export type Scenario = z.output<typeof scenarioSchema>;
export type Outage = Scenario["outages"][number];
export type Component = (typeof COMPONENTS)[number];
export type RankSource = (typeof RANK_SOURCES)[number];

export class ScenarioError extends Error {
  override name = "ScenarioError";
}

function describeIssues(issues: z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => {
      // A bad record key only says "Invalid key in record"; the key's own issue says why.
      const message = issue.code === "invalid_key" ? issue.issues[0]?.message : issue.message;
      return `  ${issue.path.join(".") || "(root)"}: ${message ?? issue.message}`;
    })
    .join("\n");
}

/** Validates a parsed scenario; a mistake throws a ScenarioError naming each key path. */
export function parseScenario(input: unknown, origin = "scenario"): Scenario {
  const result = scenarioSchema.safeParse(input);
  if (!result.success) {
    throw new ScenarioError(`Invalid ${origin}:\n${describeIssues(result.error.issues)}`);
  }
  return result.data;
}

export async function loadScenario(path: string = defaultScenarioPath): Promise<Scenario> {
  const text = await readFile(path, "utf8");
  let document: unknown;
  try {
    document = parseYaml(text);
  } catch (error) {
    throw new ScenarioError(`Invalid YAML in ${path}: ${(error as Error).message}`);
  }
  return parseScenario(document, path);
}
