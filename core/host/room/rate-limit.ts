// Counts failed join attempts in a sliding window, per address and for the whole room, so a join
// code cannot be guessed by trying many (a 6-letter code from 31 letters has ~887 million values).

export interface RateLimit {
  /** Whether this key may try now. */
  allowed(key: string, now?: number): boolean;
  /** Records a failed attempt by this key. */
  fail(key: string, now?: number): void;
}

export function createRateLimit(options: { perKey: number; total: number; windowMs: number }): RateLimit {
  const failures = new Map<string, number[]>();
  const all: number[] = [];
  const prune = (list: number[], now: number) => {
    while (list.length > 0 && list[0]! <= now - options.windowMs) list.shift();
  };
  return {
    allowed(key, now = Date.now()) {
      prune(all, now);
      const mine = failures.get(key) ?? [];
      prune(mine, now);
      return mine.length < options.perKey && all.length < options.total;
    },
    fail(key, now = Date.now()) {
      const mine = failures.get(key) ?? [];
      mine.push(now);
      failures.set(key, mine);
      all.push(now);
      if (failures.size > 10_000) failures.clear();
    },
  };
}
