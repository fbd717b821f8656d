// A JSON answer from a rank API, checked against its zod schema: anything else is refused whole
// with a "parse" SourceError that says where the shape was wrong.
import type { z } from "zod";
import { SourceError } from "@/lib/errors";
import { formatIssues } from "@/lib/validation";

export function parseJsonAnswer<Schema extends z.ZodType>(
  body: string,
  schema: Schema,
  where: { source: string; what: string },
): z.output<Schema> {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    throw new SourceError(
      "parse",
      where.source,
      `${where.what} is not JSON (${(error as Error).message})`,
    );
  }
  return checkAnswer(json, schema, where);
}

/** An already parsed answer (or part of one) checked against its schema. */
export function checkAnswer<Schema extends z.ZodType>(
  json: unknown,
  schema: Schema,
  where: { source: string; what: string },
): z.output<Schema> {
  const result = schema.safeParse(json, { reportInput: true });
  if (!result.success) {
    const issues = formatIssues(result.error.issues.slice(0, 3))
      .split("\n")
      .map((line) => line.trim());
    throw new SourceError(
      "parse",
      where.source,
      `${where.what} has an unexpected shape: ${issues.join("; ")}`,
    );
  }
  return result.data;
}
