import { describe, expect, it } from 'vitest';
import { ModelSchema, createEmptyModel, type Model } from '../../../../core/model/schema';
import { freshThreatId, putThreat, removeThreat, setOutOfScope, setOverride } from './threat-edits';

const base = (): Model => ({ ...createEmptyModel(), components: [{ id: 'c', kind: 'llm', label: 'LLM', facts: {}, controls: {} }] });
const threat = (id: string) => ({ id, subject: { type: 'component' as const, id: 'c' }, title: 'Mine', description: '', atlas: [], owasp: [], likelihood: 3, impact: 4, controls: [] });

describe('edits of user records', () => {
  it('adds, replaces and removes threats with fresh ids; the result is a valid model', () => {
    let m = base();
    const id = freshThreatId(m);
    m = putThreat(m, threat(id));
    expect(freshThreatId(m)).not.toBe(id);
    m = putThreat(m, { ...threat(id), title: 'Renamed' });
    expect(m.threats.map((t) => t.title)).toEqual(['Renamed']);
    expect(ModelSchema.safeParse(m).success).toBe(true);
    expect(removeThreat(m, id).threats).toEqual([]);
  });
  it('sets and clears overrides and out-of-scope reasons', () => {
    let m = setOverride(base(), 'r@c', { likelihood: 1, justification: 'behind VPN' });
    expect(m.overrides['r@c']).toEqual({ likelihood: 1, justification: 'behind VPN' });
    m = setOverride(m, 'r@c', null);
    expect(m.overrides).toEqual({});
    expect(setOverride(m, 'none', null)).toBe(m);
    m = setOutOfScope(m, { type: 'component', id: 'c' }, 'vendor owns it');
    expect(m.components[0]!.outOfScope).toBe('vendor owns it');
    m = setOutOfScope(m, { type: 'component', id: 'c' }, null);
    expect('outOfScope' in m.components[0]!).toBe(false);
  });
});
