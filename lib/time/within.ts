// Waiting for something, but only so long: `promise`'s value, or undefined once `ms` have passed
// (the promise itself runs on). Never rejects for the time; a rejection of `promise` passes through.
export function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<undefined>(
    (resolve) => (timer = setTimeout(() => resolve(undefined), ms)),
  );
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
