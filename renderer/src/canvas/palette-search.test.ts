// The palette finds kinds by the names people use for them.
import { describe, expect, it } from 'vitest';
import { COMPONENT_KIND_IDS, getKind } from '../../../core/kinds';
import { paletteHaystack, paletteMatches } from './palette-search';

const found = (query: string) =>
  COMPONENT_KIND_IDS.filter((id) => {
    const k = getKind(id)!;
    return paletteMatches(query, paletteHaystack({ kind: id, label: k.label, description: k.description }, ''));
  });

describe('palette search', () => {
  it.each([
    ['rag', ['vector-store', 'knowledge-base']],
    ['s3', ['object-storage']],
    ['browser', ['client']],
    ['mcp', ['tool']],
    ['queue', ['message-queue']],
    ['api gateway', ['api-gateway']],
    ['sso', ['identity-provider']],
    ['cdn', ['waf-cdn']],
    ['redis', ['cache']],
  ])('"%s" finds %j', (query, kinds) => {
    expect(found(query)).toEqual(expect.arrayContaining(kinds));
  });
  it('matches every word, in any order, and nothing for nonsense', () => {
    expect(found('gateway api')).toContain('api-gateway');
    expect(found('zzqx')).toEqual([]);
  });
});
