// Small zod building blocks for liftoff.config.yaml. Each message says what is expected.
import { validateDetailed } from "node-cron";
import { z } from "zod";
import { parseDuration } from "./duration";

export const key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]*$/, 'a key of lower-case letters, digits, "-" and "_"');

export const domain = z
  .string()
  .regex(
    /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z0-9-]{2,}$/,
    "a domain name such as example.com",
  );

export const httpUrl = z.string().regex(/^https?:\/\/[^\s]+$/, "an http:// or https:// URL");

export const envName = z
  .string()
  .regex(
    /^[A-Z_][A-Z0-9_]*$/,
    "the name of an environment variable (secrets never go in this file)",
  );

/** A duration such as "30s"; parsed to milliseconds. */
export const duration = z.string().transform((text, ctx) => {
  const ms = parseDuration(text);
  if (ms === null) {
    ctx.addIssue({
      code: "custom",
      message: 'a duration such as "500ms", "30s", "5m" or "1h"',
      input: text,
    });
    return z.NEVER;
  }
  return ms;
});

export const cronExpression = z.string().superRefine((text, ctx) => {
  const result = validateDetailed(text);
  if (!result.valid) {
    const why = result.errors.map((e) => `${e.field}: ${e.message}`).join("; ");
    ctx.addIssue({
      code: "custom",
      message: `a cron expression such as "*/5 * * * *" (an optional sixth leading field is seconds) (${why})`,
      input: text,
    });
  }
});

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const timeZone = z
  .string()
  .refine(isTimeZone, 'an IANA time zone such as "Pacific/Auckland" or "UTC"');
