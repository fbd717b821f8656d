// Turns zod issues into messages a person can act on, one per line:
// "<key path>: expected <what>, found <what>". Custom messages in our schemas name what is
// expected ("a cron expression"); zod's built-in issues are phrased the same way here.
import type { z } from "zod";

/** Renders a key path the way it is written in YAML: `jobs.ingest-metrics.schedule`, `monitors[2].url`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || "(top level)";
}

/** A short, safe description of a value that was found where something else was expected. */
export function describeFound(input: unknown): string {
  if (input === undefined) return "nothing";
  if (input === null) return "null";
  if (typeof input === "string") {
    return JSON.stringify(input.length > 60 ? `${input.slice(0, 57)}...` : input);
  }
  if (Array.isArray(input)) return `a list of ${input.length}`;
  if (typeof input === "object") return "a mapping";
  return `${typeof input} ${String(input)}`;
}

function describeExpected(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.expected === "object"
        ? "a mapping"
        : issue.expected === "array"
          ? "a list"
          : `a ${issue.expected}`;
    case "invalid_value":
      return `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "unrecognized_keys":
      return `no unknown keys (remove ${issue.keys.join(", ")})`;
    case "invalid_format":
      return issue.message.startsWith("Invalid") ? `a valid ${issue.format}` : issue.message;
    case "too_small":
    case "too_big":
    case "custom":
    default:
      return issue.message
        .replace(/^(Invalid input|Too small|Too big):\s*/i, "")
        .replace(/^expected\s+/i, "");
  }
}

/** One line per issue; parse with `reportInput: true` so that what was found can be shown. */
export function formatIssues(issues: ReadonlyArray<z.core.$ZodIssue>, prefix = ""): string {
  return issues
    .map((issue) => {
      const found =
        issue.code === "unrecognized_keys" || !("input" in issue)
          ? ""
          : `, found ${describeFound(issue.input)}`;
      return `  ${prefix}${formatPath(issue.path)}: expected ${describeExpected(issue)}${found}`;
    })
    .join("\n");
}
