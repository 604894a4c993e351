// One heatmap for the app and the reports: same cells, same counting, same colours.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { heatmapCells } from './heatmap';
import { HEAT_COLOR } from './palette';

const f = (likelihood: number, impact: number, status = 'open', closedBy: unknown[] = []) => ({ status, residual: { likelihood, impact }, closedBy });

describe('heatmapCells', () => {
  it('puts likelihood across and impact up, counting every finding but those a control closes', () => {
    const cells = heatmapCells([f(4, 2), f(4, 2, 'accepted'), f(4, 2, 'mitigated'), f(4, 2, 'not-applicable'), f(4, 2, 'open', [{}]), f(1, 5)]);
    expect(cells[1]![3]).toMatchObject({ likelihood: 4, impact: 2, count: 4, severity: 'medium' });
    expect(cells[4]![0]).toMatchObject({ likelihood: 1, impact: 5, count: 1, severity: 'low' });
    expect(cells.flat().reduce((n, c) => n + c.count, 0)).toBe(5);
  });

  it('colours cells as the app does (the light theme of renderer/src/risk/risk.css)', () => {
    const css = readFileSync(path.resolve(import.meta.dirname, '../../renderer/src/risk/risk.css'), 'utf8');
    const light = css.slice(0, css.indexOf('}'));
    for (const [severity, color] of Object.entries(HEAT_COLOR)) expect(light, severity).toContain(`--risk-${severity}: ${color};`);
  });
});
