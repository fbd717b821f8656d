/** How a check is stored in the lean `check.status` column. */
export const checkStatus = { up: 0, degraded: 1, down: 2 } as const;
export type CheckStatusName = keyof typeof checkStatus;

export function checkStatusName(code: number): CheckStatusName {
  return code === 0 ? "up" : code === 1 ? "degraded" : "down";
}
