// A rank history as JSON: an array of {date or at, domain, source, scope?, rank} where rank is a
// number, a text ("1,234", "top 5,000") or null for unranked. A row's place is its index.
import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import { formatIssues } from "@/lib/validation";
import { readHistoryRow, rowError, type HistoryRow } from "./history-row";

const item = z.strictObject({
  date: z.string().optional(),
  at: z.string().optional(),
  domain: z.string(),
  source: z.string(),
  scope: z.string().nullable().optional(),
  rank: z.union([z.number(), z.string(), z.null()]),
});

export function readHistoryJson(fileName: string, text: string): HistoryRow[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ValidationError(`${fileName} is not JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(json)) {
    throw new ValidationError(`${fileName}: expected an array of readings, found ${typeof json}`);
  }
  return json.map((entry: unknown, i) => {
    const place = { label: `[${i}]`, field: (name: string) => `${fileName} [${i}].${name}` };
    const parsed = item.safeParse(entry, { reportInput: true });
    if (!parsed.success) {
      // "  rank: expected ..., found ..." or "  (top level): expected a mapping, found ...".
      const issue = formatIssues(parsed.error.issues.slice(0, 1)).trim();
      const top = "(top level)";
      throw new ValidationError(
        issue.startsWith(top)
          ? `${fileName} [${i}]${issue.slice(top.length)}`
          : `${fileName} [${i}].${issue}`,
      );
    }
    const { date, at, ...rest } = parsed.data;
    if ((date === undefined) === (at === undefined)) {
      throw rowError(place, "date", "exactly one of date and at", { date, at });
    }
    return readHistoryRow({ ...rest, date: (date ?? at)! }, place);
  });
}
