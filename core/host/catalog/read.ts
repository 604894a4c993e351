// Reads a whole catalog database back into a Catalog value (for diffs and imports).
import type { Catalog, CatalogCaseStudy, CatalogMitigation, CatalogTechnique, OwaspList } from '../../catalog/index';
import { readMeta, type CatalogDb } from './db';

function groupBy<T extends Record<string, unknown>>(rows: T[], key: keyof T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = row[key] as string;
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}

export function readCatalog(db: CatalogDb): Catalog {
  const meta = readMeta(db);
  type Row = Record<string, unknown>;
  const all = (sql: string) => db.prepare(sql).all() as Row[];

  const ownTactics = groupBy(all('SELECT technique_id, tactic_id FROM technique_tactics WHERE inherited = 0 ORDER BY technique_id, ord'), 'technique_id');
  const mitigationLinks = groupBy(all('SELECT mitigation_id, technique_id FROM mitigation_techniques ORDER BY mitigation_id, ord'), 'mitigation_id');
  const steps = groupBy(all('SELECT case_study_id, tactic_id, technique_id FROM case_study_steps ORDER BY case_study_id, step'), 'case_study_id');
  const prevention = groupBy(all('SELECT owasp_id, text FROM owasp_prevention ORDER BY owasp_id, ord'), 'owasp_id');

  return {
    meta: { atlasVersion: meta.atlas_version ?? 'unknown', textSource: meta.text_source === 'official' ? 'official' : 'builtin' },
    tactics: all('SELECT id, name, summary, url, attack_id FROM tactics ORDER BY ord').map((r) => ({
      id: r.id as string,
      name: r.name as string,
      summary: r.summary as string,
      url: r.url as string,
      ...(r.attack_id ? { attack: r.attack_id as string } : {}),
    })),
    techniques: all('SELECT id, name, summary, url, maturity, parent_id FROM techniques ORDER BY ord').map(
      (r): CatalogTechnique => ({
        id: r.id as string,
        name: r.name as string,
        summary: r.summary as string,
        url: r.url as string,
        tactics: (ownTactics.get(r.id as string) ?? []).map((t) => t.tactic_id as string),
        ...(r.maturity ? { maturity: r.maturity as string } : {}),
        ...(r.parent_id ? { parent: r.parent_id as string } : {}),
      }),
    ),
    mitigations: all('SELECT id, name, summary, url, category, lifecycle FROM mitigations ORDER BY ord').map(
      (r): CatalogMitigation => ({
        id: r.id as string,
        name: r.name as string,
        summary: r.summary as string,
        url: r.url as string,
        category: JSON.parse(r.category as string) as string[],
        lifecycle: JSON.parse(r.lifecycle as string) as string[],
        techniques: (mitigationLinks.get(r.id as string) ?? []).map((l) => l.technique_id as string),
      }),
    ),
    caseStudies: all('SELECT * FROM case_studies ORDER BY ord').map(
      (r): CatalogCaseStudy => ({
        id: r.id as string,
        name: r.name as string,
        summary: r.summary as string,
        url: r.url as string,
        caseType: r.case_type as string,
        date: r.date as string,
        dateGranularity: r.date_granularity as string,
        target: r.target as string,
        actor: r.actor as string,
        procedure: (steps.get(r.id as string) ?? []).map((s) => ({ tactic: s.tactic_id as string, technique: s.technique_id as string })),
      }),
    ),
    owasp: all('SELECT id, list, name, summary, url FROM owasp_entries ORDER BY ord').map((r) => ({
      id: r.id as string,
      list: r.list as OwaspList,
      name: r.name as string,
      summary: r.summary as string,
      url: r.url as string,
      prevention: (prevention.get(r.id as string) ?? []).map((p) => p.text as string),
    })),
    crosswalk: all('SELECT owasp_id, technique_id, provenance, reason FROM crosswalk ORDER BY ord').map((r) => ({
      owasp: r.owasp_id as string,
      atlas: r.technique_id as string,
      provenance: r.provenance as 'owasp' | 'mercator',
      ...(r.reason ? { reason: r.reason as string } : {}),
    })),
  };
}
