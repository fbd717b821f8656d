// What a metric source reads and what the recorder stores. Shared by every source (fetched or
// pushed) and by lib/growth/record-samples.ts.

/** One reading of a metric. */
export type SampleInput = {
  at: Date;
  value: number;
  /**
   * When the counting process last started, on the source's own clock (Prometheus
   * process_start_time_seconds): a value other than the one it reported before is a restart.
   */
  startedAt?: Date;
  /** The source says this sample follows a counter reset (pushed samples may say so). */
  reset?: boolean;
  /** A pushing client's own id for the sample: the same id twice is stored once. */
  externalId?: string;
};

export type RejectedSample = { index: number; reason: string };

export type RecordResult = {
  /** Stored now. */
  accepted: number;
  /** Already stored (same time or same id): not stored again, not an error. */
  duplicates: number;
  rejected: RejectedSample[];
  /** Stored, but worth a look: "users_total: counter went down from 227865 to 62114; counted as a reset (inferred)". */
  warnings: string[];
};

/** A fetched metric source: one file per kind in lib/growth/sources/. */
export type MetricReader<Config> = (
  config: Config,
  signal?: AbortSignal,
) => Promise<Omit<SampleInput, "at"> & { at?: Date }>;
