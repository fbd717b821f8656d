// The simulator's pure model: everything it serves is a function of the scenario and simulated
// time. Tests, seeds and fixtures import from here to know what the simulator will answer.
export { cloudflareBucket, cruxBucket } from "./model/buckets";
export {
  activeOutages,
  lastRestartAt,
  outageAt,
  outageEndHour,
  requestEffectAt,
  signupFactorAtHour,
} from "./model/outages";
export type { RequestEffect } from "./model/outages";
export { buildRankList } from "./model/rank-list";
export { pinnedRanks, publishedAt, rankAt, scopesOf } from "./model/ranks";
export { atHour, formatDay, HOUR_MS, hoursSinceLaunch } from "./model/time";
export { processCountersAt, signupsAt, usersAt } from "./model/users";
export type { ProcessCounters, SignupCounts } from "./model/users";
