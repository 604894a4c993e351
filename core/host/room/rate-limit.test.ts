import { describe, expect, it } from 'vitest';
import { createRateLimit } from './rate-limit';

describe('join-code rate limit', () => {
  it('stops one address after its failures and lets it try again once the window has passed', () => {
    const limit = createRateLimit({ perKey: 3, total: 100, windowMs: 60_000 });
    for (let i = 0; i < 3; i++) {
      expect(limit.allowed('10.0.0.5', 1000 + i)).toBe(true);
      limit.fail('10.0.0.5', 1000 + i);
    }
    expect(limit.allowed('10.0.0.5', 2000)).toBe(false);
    expect(limit.allowed('10.0.0.6', 2000)).toBe(true);
    expect(limit.allowed('10.0.0.5', 61_003)).toBe(true);
  });
  it('stops everyone when the whole room sees too many failures (many addresses guessing)', () => {
    const limit = createRateLimit({ perKey: 5, total: 4, windowMs: 60_000 });
    for (let i = 0; i < 4; i++) limit.fail(`10.0.0.${i}`, 1000);
    expect(limit.allowed('10.0.0.99', 1001)).toBe(false);
    expect(limit.allowed('10.0.0.99', 61_001)).toBe(true);
  });
});
