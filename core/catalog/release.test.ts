import { describe, expect, it } from 'vitest';
import { absolutizeLinks, parseAtlasRelease } from './release';
import { diffCatalogs } from './diff';
import { formatProblem } from './types';

const release = (techniqueTactics = 'AML.TA0001') => `---
id: ATLAS
name: ATLAS
version: 5.6
matrices:
- id: ATLAS
  name: ATLAS Matrix
  tactics:
  - id: AML.TA0001
    name: Staging
    description: See [Craft](/techniques/AML.T0001) and [ext](https://example.org/x).
    created_date: 2022-01-24
  techniques:
  - id: AML.T0001
    name: Craft
    description: Top.
    tactics: [${techniqueTactics}]
    maturity: realized
  - id: AML.T0001.000
    name: Sub
    description: Below.
    subtechnique-of: AML.T0001
  mitigations:
  - id: AML.M0001
    name: Guard
    description: Guard it.
    techniques:
    - id: AML.T0001
      use: x
    - id: AML.T0001
      use: again
    ml-lifecycle:
    - Deployment
    - id: AML.T0001.000
      use: misplaced
    category: [Policy]
case-studies:
- id: AML.CS0001
  name: Study
  summary: Happened.
  incident-date: 2020-01-01
  incident-date-granularity: YEAR
  target: t
  actor: a
  case-study-type: exercise
  procedure:
  - tactic: AML.TA0001
    technique: AML.T0001.000
    description: step
`;

describe('parseAtlasRelease', () => {
  it('copes with dates, site-relative links, misplaced and duplicate links, numeric versions', () => {
    const parsed = parseAtlasRelease(release());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const atlas = parsed.value;
    expect(atlas.version).toBe('5.6');
    expect(atlas.tactics[0]!.summary).toBe('See [Craft](https://atlas.mitre.org/techniques/AML.T0001) and [ext](https://example.org/x).');
    expect(atlas.mitigations[0]).toMatchObject({ techniques: ['AML.T0001', 'AML.T0001.000'], lifecycle: ['Deployment'] });
    expect(atlas.techniques[1]).toMatchObject({ parent: 'AML.T0001', tactics: [] });
    expect(atlas.caseStudies[0]).toMatchObject({ date: '2020-01-01', url: 'https://atlas.mitre.org/studies/AML.CS0001' });
    expect(parsed.notes.map(formatProblem)).toEqual([
      'matrices[0].mitigations[0].ml-lifecycle[1]: technique link "AML.T0001.000" was misplaced here; moved to techniques',
      'matrices[0].mitigations[0].techniques: 1 duplicate technique link(s) kept once',
    ]);
  });

  it('names the place of an unknown tactic and of a YAML syntax error', () => {
    const bad = parseAtlasRelease(release('AML.TA0404'));
    expect(!bad.ok && bad.errors.map(formatProblem)).toEqual(['matrices[0].techniques[0].tactics: unknown tactic id "AML.TA0404"']);
    const syntax = parseAtlasRelease('id: [unclosed\n');
    expect(!syntax.ok && formatProblem(syntax.errors[0]!)).toMatch(/not valid YAML at line \d+, column \d+/);
  });

  it('leaves absolute and protocol-relative links alone', () => {
    expect(absolutizeLinks('[a](//cdn.example/x) [b](/studies/AML.CS0000)')).toBe('[a](//cdn.example/x) [b](https://atlas.mitre.org/studies/AML.CS0000)');
  });
});

describe('diffCatalogs', () => {
  it('reports added, changed and removed ids', () => {
    const a = parseAtlasRelease(release());
    const b = parseAtlasRelease(release().replace('name: Guard', 'name: Guard well').replace(/- id: AML.CS0001[\s\S]*$/, '[]\n').replace('case-studies:\n[]', 'case-studies: []'));
    if (!a.ok || !b.ok) throw new Error('fixtures must parse');
    const extra = { ...b.value, tactics: [...b.value.tactics, { id: 'AML.TA0009', name: 'New', summary: '', url: 'u' }] };
    expect(diffCatalogs(a.value, extra)).toEqual({ added: ['AML.TA0009'], changed: ['AML.M0001'], removed: ['AML.CS0001'] });
    expect(diffCatalogs(a.value, a.value)).toEqual({ added: [], changed: [], removed: [] });
  });
});
