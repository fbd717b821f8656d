// What a metric counts, in words: "users" gained as "signups" for the users metric, else its own
// name. Shared by the Growth page and milestone texts; pure.

export type MetricNouns = { total: string; increase: string };

export function metricNouns(metric: string, name: string | undefined): MetricNouns {
  if (metric === "users_total" || !name || /\busers?\b/i.test(name)) {
    return { total: "users", increase: "signups" };
  }
  const noun = name.toLowerCase();
  return { total: noun, increase: noun };
}
