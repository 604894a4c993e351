// Cross-reference checks over a whole catalog: every id a record points at must exist, ids are
// unique, sub-techniques hang under a top-level technique. Problems name the record's place.
import { SUBTECHNIQUE_ID } from './ids';
import type { AtlasCatalog, CatalogCrosswalkLink, CatalogOwaspEntry, CatalogProblem } from './types';

export type CatalogPart = 'tactics' | 'techniques' | 'mitigations' | 'caseStudies' | 'owasp' | 'crosswalk';
/** Where record `index` of a part lives in its source, e.g. `matrices[0].techniques[12]`. */
export type PlaceNamer = (part: CatalogPart, index: number) => string;

function checkUnique(ids: string[], part: CatalogPart, where: PlaceNamer, problems: CatalogProblem[]) {
  const seen = new Map<string, number>();
  ids.forEach((id, index) => {
    const first = seen.get(id);
    if (first !== undefined) problems.push({ path: `${where(part, index)}.id`, message: `duplicate id "${id}" (first at ${where(part, first)})` });
    else seen.set(id, index);
  });
}

export function validateAtlas(atlas: AtlasCatalog, where: PlaceNamer): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  checkUnique(atlas.tactics.map((t) => t.id), 'tactics', where, problems);
  checkUnique(atlas.techniques.map((t) => t.id), 'techniques', where, problems);
  checkUnique(atlas.mitigations.map((m) => m.id), 'mitigations', where, problems);
  checkUnique(atlas.caseStudies.map((c) => c.id), 'caseStudies', where, problems);
  const tactics = new Set(atlas.tactics.map((t) => t.id));
  const techniques = new Map(atlas.techniques.map((t) => [t.id, t]));

  atlas.techniques.forEach((technique, i) => {
    const at = where('techniques', i);
    for (const tactic of technique.tactics) {
      if (!tactics.has(tactic)) problems.push({ path: `${at}.tactics`, message: `unknown tactic id "${tactic}"` });
    }
    const isSub = SUBTECHNIQUE_ID.test(technique.id);
    if (isSub) {
      if (technique.parent === undefined) {
        problems.push({ path: at, message: `sub-technique "${technique.id}" names no parent technique` });
      } else if (!technique.id.startsWith(technique.parent + '.')) {
        problems.push({ path: `${at}.parent`, message: `"${technique.parent}" cannot be the parent of "${technique.id}"` });
      } else {
        const parent = techniques.get(technique.parent);
        if (!parent) problems.push({ path: `${at}.parent`, message: `unknown technique id "${technique.parent}"` });
        else if (parent.parent !== undefined) problems.push({ path: `${at}.parent`, message: `"${technique.parent}" is itself a sub-technique` });
      }
    } else {
      if (technique.parent !== undefined) problems.push({ path: `${at}.parent`, message: `top-level technique "${technique.id}" cannot have a parent` });
      if (technique.tactics.length === 0) problems.push({ path: `${at}.tactics`, message: `technique "${technique.id}" belongs to no tactic` });
    }
  });

  atlas.mitigations.forEach((mitigation, i) => {
    for (const id of mitigation.techniques) {
      if (!techniques.has(id)) problems.push({ path: `${where('mitigations', i)}.techniques`, message: `unknown technique id "${id}"` });
    }
  });

  atlas.caseStudies.forEach((study, i) => {
    study.procedure.forEach((step, s) => {
      const at = `${where('caseStudies', i)}.procedure[${s}]`;
      if (!tactics.has(step.tactic)) problems.push({ path: `${at}.tactic`, message: `unknown tactic id "${step.tactic}"` });
      if (!techniques.has(step.technique)) problems.push({ path: `${at}.technique`, message: `unknown technique id "${step.technique}"` });
    });
  });
  return problems;
}

export function validateOwasp(
  atlas: AtlasCatalog,
  owasp: CatalogOwaspEntry[],
  crosswalk: CatalogCrosswalkLink[],
  where: PlaceNamer,
): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  checkUnique(owasp.map((o) => o.id), 'owasp', where, problems);
  checkUnique(crosswalk.map((l) => `${l.owasp} → ${l.atlas}`), 'crosswalk', where, problems);
  const owaspIds = new Set(owasp.map((o) => o.id));
  const techniqueIds = new Set(atlas.techniques.map((t) => t.id));
  crosswalk.forEach((link, i) => {
    if (!owaspIds.has(link.owasp)) problems.push({ path: `${where('crosswalk', i)}.owasp`, message: `unknown OWASP id "${link.owasp}"` });
    if (!techniqueIds.has(link.atlas)) problems.push({ path: `${where('crosswalk', i)}.atlas`, message: `unknown technique id "${link.atlas}"` });
  });
  return problems;
}

/** A technique's tactics: its own, or for a sub-technique without any, its parent's. */
export function effectiveTactics(atlas: Pick<AtlasCatalog, 'techniques'>, techniqueId: string): string[] {
  const byId = new Map(atlas.techniques.map((t) => [t.id, t]));
  const technique = byId.get(techniqueId);
  if (!technique) return [];
  if (technique.tactics.length > 0 || technique.parent === undefined) return technique.tactics;
  return byId.get(technique.parent)?.tactics ?? [];
}
