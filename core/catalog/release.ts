// Imports an official MITRE ATLAS release (ATLAS.yaml) into the catalog's ATLAS part, coping with
// the release's quirks: unquoted YAML dates, site-relative markdown links, technique links
// misplaced inside a mitigation's `ml-lifecycle` list (5.6.0: AML.M0018 and AML.M0034 →
// AML.T0052.001), and duplicate links. Problems name the place: `matrices[0].techniques[12].tactics`.
import { ATLAS_SITE } from './ids';
import { normalizeDate, parseYamlText, uniqueInOrder, zodProblems } from './problems';
import { ReleaseSchema } from './release-schema';
import { validateAtlas, type CatalogPart } from './validate';
import type { AtlasCatalog, CatalogProblem } from './types';

export type ReleaseParseResult =
  | { ok: true; value: AtlasCatalog; notes: CatalogProblem[] }
  | { ok: false; errors: CatalogProblem[] };

/** Rewrites site-relative markdown links, `](/techniques/AML.T0005)`, to absolute ATLAS URLs. */
export function absolutizeLinks(markdown: string): string {
  return markdown.replace(/\]\(\/(?!\/)/g, `](${ATLAS_SITE}/`).trim();
}

export function parseAtlasRelease(text: string): ReleaseParseResult {
  if (text.trim() === '') return { ok: false, errors: [{ path: '', message: 'the file is empty' }] };
  const parsed = parseYamlText(text, '');
  if (!parsed.ok) return parsed;
  if (parsed.value === null || typeof parsed.value !== 'object' || Array.isArray(parsed.value)) {
    return { ok: false, errors: [{ path: '', message: 'an ATLAS release is a YAML mapping with id, name, version, matrices and case-studies' }] };
  }
  const checked = ReleaseSchema.safeParse(parsed.value);
  if (!checked.success) return { ok: false, errors: zodProblems('', checked.error) };
  const release = checked.data;
  const matrixIndex = Math.max(0, release.matrices.findIndex((m) => m.id === 'ATLAS'));
  const matrix = release.matrices[matrixIndex]!;
  const notes: CatalogProblem[] = [];
  const base = `matrices[${matrixIndex}]`;

  const atlas: AtlasCatalog = {
    version: String(release.version),
    tactics: matrix.tactics.map((t) => ({
      id: t.id,
      name: t.name,
      summary: absolutizeLinks(t.description),
      url: `${ATLAS_SITE}/tactics/${t.id}`,
      ...(t['ATT&CK-reference'] ? { attack: t['ATT&CK-reference'].id } : {}),
    })),
    techniques: matrix.techniques.map((t) => ({
      id: t.id,
      name: t.name,
      summary: absolutizeLinks(t.description),
      url: `${ATLAS_SITE}/techniques/${t.id}`,
      tactics: uniqueInOrder(t.tactics ?? []),
      ...(t.maturity ? { maturity: t.maturity } : {}),
      ...(t['subtechnique-of'] ? { parent: t['subtechnique-of'] } : {}),
    })),
    mitigations: matrix.mitigations.map((m, i) => {
      const linked = m.techniques.map((link) => (typeof link === 'string' ? link : link.id));
      const lifecycle: string[] = [];
      m['ml-lifecycle'].forEach((stage, s) => {
        if (typeof stage === 'string') lifecycle.push(stage);
        else {
          linked.push(stage.id);
          notes.push({ path: `${base}.mitigations[${i}].ml-lifecycle[${s}]`, message: `technique link "${stage.id}" was misplaced here; moved to techniques` });
        }
      });
      const techniques = uniqueInOrder(linked);
      if (techniques.length < linked.length) {
        notes.push({ path: `${base}.mitigations[${i}].techniques`, message: `${linked.length - techniques.length} duplicate technique link(s) kept once` });
      }
      return {
        id: m.id,
        name: m.name,
        summary: absolutizeLinks(m.description),
        url: `${ATLAS_SITE}/mitigations/${m.id}`,
        category: m.category,
        lifecycle,
        techniques,
      };
    }),
    caseStudies: release['case-studies'].map((c) => ({
      id: c.id,
      name: c.name,
      summary: absolutizeLinks(c.summary),
      url: `${ATLAS_SITE}/studies/${c.id}`,
      caseType: c['case-study-type'],
      date: normalizeDate(c['incident-date']),
      dateGranularity: c['incident-date-granularity'],
      target: c.target,
      actor: c.actor,
      procedure: c.procedure.map((step) => ({ tactic: step.tactic, technique: step.technique })),
    })),
  };

  const where = (part: CatalogPart, index: number) =>
    part === 'caseStudies' ? `case-studies[${index}]` : `${base}.${part}[${index}]`;
  const errors = validateAtlas(atlas, where);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: atlas, notes };
}
