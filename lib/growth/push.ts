// POST /api/ingest/metrics, without Next: a service pushes samples of the metrics its push source
// declares, authenticated by that source's bearer token. Each sample is checked on its own: a bad
// one is rejected with a reason naming its field, never the whole batch. The rest are stored by
// recordMetricSamples, one call (one transaction) per metric.
import { createHash, timingSafeEqual } from "node:crypto";
import { readLimited } from "@/lib/http/read-limited";
import { z } from "zod";
import type { LoadedConfig } from "@/lib/config";
import type { PushSourceConfig } from "@/lib/config/schema";
import type { Database } from "@/lib/database/client";
import { readSecret } from "@/lib/env";
import { PayloadTooLargeError, UnauthorizedError, ValidationError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/api-error";
import { log } from "@/lib/log";
import { describeFound, formatPath } from "@/lib/validation";
import { recordMetricSamples } from "./record-samples";
import type { RecordResult, RejectedSample, SampleInput } from "./sample-types";

export const maxBodyBytes = 1024 * 1024;
export const maxSamplesPerBatch = 1_000;

export type PushDeps = { db: Database; config: LoadedConfig; env?: NodeJS.ProcessEnv; now?: Date };

export async function handleMetricPush(request: Request, deps: PushDeps): Promise<Response> {
  try {
    const source = authenticate(request, deps.config, deps.env ?? process.env);
    const samples = parseBatch(await readBody(request));
    const result = await recordBatch(deps, source, samples);
    log.debug(
      { source: source.key, ...result, rejected: result.rejected.length },
      "metric push stored",
    );
    return Response.json(result, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    const response = errorResponse(error);
    if (error instanceof UnauthorizedError) {
      response.headers.set("www-authenticate", 'Bearer realm="liftoff"');
    }
    return response;
  }
}

/** The push source whose token is the bearer token; every source is compared, in constant time. */
function authenticate(
  request: Request,
  config: LoadedConfig,
  env: NodeJS.ProcessEnv,
): PushSourceConfig {
  const offeredToken = /^Bearer +(\S+) *$/i.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!offeredToken) {
    throw new UnauthorizedError(
      'Send your push source\'s token as "Authorization: Bearer <token>".',
    );
  }
  const offered = sha256(offeredToken);
  let found: PushSourceConfig | undefined;
  for (const source of config.sources.push) {
    const token = tokenOf(source, env);
    // Hashing first gives equal lengths, so timingSafeEqual never reveals a token's length.
    if (token !== undefined && timingSafeEqual(offered, sha256(token))) found ??= source;
  }
  if (!found) throw new UnauthorizedError("This token does not belong to any push source.");
  return found;
}

/** A source whose variable is unset cannot be pushed to; that is not an error here. */
function tokenOf(source: PushSourceConfig, env: NodeJS.ProcessEnv): string | undefined {
  try {
    return readSecret(source.tokenEnv, env);
  } catch {
    return undefined;
  }
}

const sha256 = (text: string) => createHash("sha256").update(text).digest();

const tooLarge = () =>
  new PayloadTooLargeError(
    `The body is larger than 1 MiB (${maxBodyBytes} bytes); send the samples in smaller batches.`,
  );

/** The body as text, refused past maxBodyBytes: by Content-Length first, then while reading. */
async function readBody(request: Request): Promise<string> {
  const bytes = await readLimited(request, maxBodyBytes, tooLarge);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ValidationError("The body is not UTF-8 text; send JSON.");
  }
}

const batchSchema = z.object(
  { samples: z.array(z.unknown(), { error: "a list of samples" }) },
  { error: 'a JSON object { "samples": [ ... ] }' },
);

/** The batch's samples, not yet checked one by one. */
function parseBatch(text: string): unknown[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    const detail = text.trim() === "" ? "the body is empty" : (error as Error).message;
    throw new ValidationError(`The body is not JSON (${detail}); send { "samples": [ ... ] }.`);
  }
  const parsed = batchSchema.safeParse(body, { reportInput: true });
  if (!parsed.success) {
    throw new ValidationError(`The body has the wrong shape: ${describeIssues(parsed.error, [])}`);
  }
  const { samples } = parsed.data;
  if (samples.length > maxSamplesPerBatch) {
    throw new PayloadTooLargeError(
      `A batch holds at most ${maxSamplesPerBatch} samples; this one has ${samples.length}. Split it.`,
    );
  }
  return samples;
}

const timeExpected =
  "an ISO 8601 time with an offset (2026-05-01T12:00:00Z) or an integer of epoch milliseconds";
const isoTime = z.iso.datetime({ offset: true });

const minEpochMs = 1e11; // March 1973: a smaller number is almost surely seconds
const maxEpochMs = 8.64e15; // the last time a Date holds

function toDate(input: unknown): Date | undefined {
  if (typeof input === "number") {
    const ok = Number.isInteger(input) && input >= minEpochMs && input <= maxEpochMs;
    return ok ? new Date(input) : undefined;
  }
  if (typeof input === "string" && isoTime.safeParse(input).success) return new Date(input);
  return undefined;
}

/** A time as pushed: an ISO 8601 string with an offset, or epoch milliseconds. */
const pushedTime = z.unknown().transform((input, ctx): Date => {
  const date = toDate(input);
  if (date) return date;
  const looksLikeSeconds =
    typeof input === "number" && Number.isInteger(input) && input >= 0 && input < minEpochMs;
  const message = looksLikeSeconds ? "epoch milliseconds (this looks like seconds)" : timeExpected;
  ctx.addIssue({ code: "custom", message, input });
  return z.NEVER;
});

const pushedSample = z.strictObject(
  {
    metric: z.string({ error: "a metric key" }).min(1, "a metric key"),
    value: z.number({ error: "a finite number" }),
    at: pushedTime,
    id: z
      .string({ error: "a string id" })
      .min(1, "a non-empty id")
      .max(128, "an id of at most 128 characters")
      .optional(),
    reset: z.boolean({ error: "true or false" }).optional(),
  },
  { error: "a sample { metric, value, at, id?, reset? }" },
);

/** "samples[3].value: expected a finite number, found "NaN"", one clause per issue. */
function describeIssues(error: z.ZodError, prefix: PropertyKey[]): string {
  return error.issues
    .map((issue) => {
      const where = formatPath([...prefix, ...issue.path]);
      if (issue.code === "unrecognized_keys") {
        return `${where}: unknown field(s) ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}`;
      }
      return `${where}: expected ${issue.message}, found ${describeFound(issue.input)}`;
    })
    .join("; ");
}

type Pending = { index: number; input: SampleInput };

async function recordBatch(
  deps: PushDeps,
  source: PushSourceConfig,
  samples: unknown[],
): Promise<RecordResult> {
  const kinds = new Map(source.metrics.map((m) => [m.metric, m.type] as const));
  const byMetric = new Map<string, Pending[]>();
  const rejected: RejectedSample[] = [];
  samples.forEach((raw, index) => {
    const parsed = pushedSample.safeParse(raw, { reportInput: true });
    if (!parsed.success) {
      rejected.push({ index, reason: describeIssues(parsed.error, ["samples", index]) });
      return;
    }
    const { metric, value, at, id, reset } = parsed.data;
    if (!kinds.has(metric)) {
      const reason = `samples[${index}].metric: metric "${metric}" is not declared for push source "${source.key}"`;
      rejected.push({ index, reason });
      return;
    }
    const input: SampleInput = { at, value, reset, externalId: id };
    const group = byMetric.get(metric) ?? [];
    if (group.length === 0) byMetric.set(metric, group);
    group.push({ index, input });
  });

  let accepted = 0;
  let duplicates = 0;
  const warnings: string[] = [];
  for (const [metric, pending] of byMetric) {
    const kind = kinds.get(metric) ?? "gauge";
    const inputs = pending.map((p) => p.input);
    const result = await recordMetricSamples(deps.db, { key: metric, kind }, inputs, deps.now);
    accepted += result.accepted;
    duplicates += result.duplicates;
    warnings.push(...result.warnings);
    for (const r of result.rejected) {
      const index = pending[r.index]?.index;
      if (index === undefined)
        throw new Error(`recordMetricSamples rejected index ${r.index} of ${inputs.length}`);
      rejected.push({ index, reason: `samples[${index}]: ${r.reason}` });
    }
  }
  rejected.sort((a, b) => a.index - b.index);
  return { accepted, duplicates, rejected, warnings };
}
