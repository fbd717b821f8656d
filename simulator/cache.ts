/** A small least-recently-used memo: rank lists change once per period, so build each once. */
export interface Cache {
  remember<T>(key: string, compute: () => T): T;
}

export function createCache(capacity = 8): Cache {
  const entries = new Map<string, unknown>();
  return {
    remember<T>(key: string, compute: () => T): T {
      if (entries.has(key)) {
        const value = entries.get(key) as T;
        entries.delete(key);
        entries.set(key, value);
        return value;
      }
      const value = compute();
      entries.set(key, value);
      if (entries.size > capacity) entries.delete(entries.keys().next().value!);
      return value;
    },
  };
}
