import { describe, expect, it } from 'vitest';
import { describeSpread, estimateSpread } from './spread';

describe('estimateSpread', () => {
  it('gives min, max and median per axis and names who is two points off the median', () => {
    const spread = estimateSpread([
      { by: 'Ana', likelihood: 3, impact: 4 },
      { by: 'Ben', likelihood: 3, impact: 4 },
      { by: 'Cy', likelihood: 5, impact: 1 },
    ])!;
    expect(spread.likelihood).toEqual({ min: 3, max: 5, median: 3 });
    expect(spread.impact).toEqual({ min: 1, max: 4, median: 4 });
    expect(spread.score).toEqual({ min: 5, max: 12, median: 12 });
    expect(spread.outliers).toEqual(['Cy']);
    expect(describeSpread(spread)).toBe('likelihood 3–5 (median 3) · impact 1–4 (median 4)');
  });
  it('has no outliers with fewer than three estimates, and no spread with none', () => {
    expect(estimateSpread([{ by: 'A', likelihood: 1, impact: 1 }, { by: 'B', likelihood: 5, impact: 5 }])!.outliers).toEqual([]);
    expect(estimateSpread([])).toBeNull();
  });
});
