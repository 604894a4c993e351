// The platform pack (data/rules/platform.yaml) on hand-made models: each rule fires on the part it is
// about, stays quiet on a neighbouring case, and its closing control closes it (edge cases the
// derived tests do not spell out: kind defaults, an internal gateway, a private bucket).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRulePacks } from '../../core/host/analysis/rule-packs';
import { analyze } from '../../core/engine/analyze';
import { CURRENT_SCHEMA_VERSION, ModelSchema, type Model, type ModelInput } from '../../core/model/schema';

const root = path.resolve(__dirname, '../..');
const loaded = await loadRulePacks({ builtinDir: path.join(root, 'data/rules'), catalogDir: path.join(root, 'data/catalog') });
const packs = loaded.packs;
const model = (input: Omit<ModelInput, 'schemaVersion' | 'meta'>): Model => ModelSchema.parse({ schemaVersion: CURRENT_SCHEMA_VERSION, meta: { title: 't' }, ...input });
const keys = (m: Model, ruleId: string) => analyze(m, packs).findings.filter((f) => f.ruleId === ruleId).map((f) => f.key);
const one = (kind: string, facts: Record<string, unknown> = {}, controls: Record<string, 'present' | 'absent'> = {}) =>
  model({ components: [{ id: 'c', kind, label: 'Part', facts: facts as never, controls }] });

describe('platform pack', () => {
  it('loads without errors and holds the platform rules', () => {
    expect(loaded.errors).toEqual([]);
    const pack = packs.find((p) => p.id === 'mercator-platform')!;
    expect(pack.rules.map((r) => r.id)).toHaveLength(8);
  });

  it.each([
    // rule, kind, facts that make it fire, facts of the neighbouring quiet case, closing control
    ['api-gateway-no-rate-limiting', 'api-gateway', {}, { internetFacing: false }, 'rateLimiting'],
    ['waf-cdn-no-rate-limiting', 'waf-cdn', {}, { internetFacing: false }, 'rateLimiting'],
    ['message-queue-untrusted-records-unvalidated', 'message-queue', { dataOrigin: ['partner'] }, { dataOrigin: ['internal'] }, 'dataValidation'],
    ['shared-cache-cross-tenant', 'cache', { multiTenant: true }, {}, 'tenantIsolation'],
    ['object-storage-public-read', 'object-storage', { publicRead: true }, {}, 'authorization'],
    ['object-storage-artifacts-no-integrity', 'object-storage', { holdsModelArtifacts: true }, { holdsModelArtifacts: false }, 'modelSigning'],
  ] as const)('%s: fires by default or on its facts, not on the neighbouring case, and its control closes it', (ruleId, kind, firing, quiet, control) => {
    expect(keys(one(kind, firing), ruleId)).toEqual([`${ruleId}@c`]);
    expect(keys(one(kind, quiet), ruleId)).toEqual([]);
    const closed = analyze(one(kind, firing, { [control]: 'present' }), packs).findings.filter((f) => f.ruleId === ruleId);
    // A closing control in place either removes the finding or keeps it as closed evidence.
    expect(closed.every((f) => (f.closedBy ?? []).some((c) => c.control === control))).toBe(true);
    // "absent" is recorded, but does not mitigate.
    expect(keys(one(kind, firing, { [control]: 'absent' }), ruleId)).toEqual([`${ruleId}@c`]);
  });

  it('identity provider: fires on every one, closed by multi-factor authentication', () => {
    expect(keys(one('identity-provider'), 'identity-provider-no-mfa')).toEqual(['identity-provider-no-mfa@c']);
    const f = analyze(one('identity-provider', {}, { multiFactorAuth: 'present' }), packs).findings.filter((x) => x.ruleId === 'identity-provider-no-mfa');
    expect(f.every((x) => x.closedBy?.[0]?.control === 'multiFactorAuth')).toBe(true);
  });

  it('gateway in front of a model: the flow fires, a gateway in front of a database does not, authentication on the gateway closes it', () => {
    const m = (target: string, controls: Record<string, 'present'> = {}) =>
      model({
        components: [
          { id: 'gw', kind: 'api-gateway', label: 'Gateway', controls },
          { id: 't', kind: target, label: 'Behind' },
        ],
        flows: [{ id: 'f', source: 'gw', target: 't' }],
      });
    expect(keys(m('inference-api'), 'api-gateway-no-authentication')).toEqual(['api-gateway-no-authentication@f']);
    expect(keys(m('data-store'), 'api-gateway-no-authentication')).toEqual([]);
    const closed = analyze(m('llm', { authentication: 'present' }), packs).findings.filter((x) => x.ruleId === 'api-gateway-no-authentication');
    expect(closed.every((x) => x.closedBy?.some((c) => c.control === 'authentication'))).toBe(true);
    // The reversed flow (model to gateway) is not the gateway forwarding callers.
    const reversed = model({
      components: [
        { id: 'gw', kind: 'api-gateway', label: 'Gateway' },
        { id: 't', kind: 'llm', label: 'Behind' },
      ],
      flows: [{ id: 'f', source: 't', target: 'gw' }],
    });
    expect(keys(reversed, 'api-gateway-no-authentication')).toEqual([]);
  });
});
