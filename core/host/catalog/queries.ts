// Read queries over the catalog database. Every function takes the connection as an argument.
import type { z } from 'zod';
import { normalizeIdQuery } from '../../catalog/index';
import type { CatalogEntry, CatalogStatsSchema } from '../../api/calls/catalog';
import type { ApiOutput } from '../../api/contract';
import { readMeta, type CatalogDb } from './db';
import type { CatalogEntryType, CatalogSearchHit } from './search';

export type CatalogStats = z.infer<typeof CatalogStatsSchema>;
export type CatalogMatrix = ApiOutput<'catalog:matrix'>;
type Ref = { id: string; name: string };

const count = (db: CatalogDb, sql: string) => (db.prepare(sql).get() as { n: number }).n;

export function catalogStats(db: CatalogDb): CatalogStats {
  const meta = readMeta(db);
  return {
    source: meta.source ?? 'unknown',
    atlasVersion: meta.atlas_version ?? 'unknown',
    textSource: meta.text_source === 'official' ? 'official' : 'builtin',
    tactics: count(db, 'SELECT count(*) AS n FROM tactics'),
    techniques: count(db, 'SELECT count(*) AS n FROM techniques'),
    subtechniques: count(db, 'SELECT count(*) AS n FROM techniques WHERE parent_id IS NOT NULL'),
    mitigations: count(db, 'SELECT count(*) AS n FROM mitigations'),
    caseStudies: count(db, 'SELECT count(*) AS n FROM case_studies'),
    owaspLlm: count(db, "SELECT count(*) AS n FROM owasp_entries WHERE list = 'llm-2025'"),
    owaspMl: count(db, "SELECT count(*) AS n FROM owasp_entries WHERE list = 'ml-2023'"),
    crosswalkLinks: count(db, 'SELECT count(*) AS n FROM crosswalk'),
  };
}

/** The catalog id a person meant: "t0051" → "AML.T0051", "LLM01" → "LLM01:2025"; null when none. */
export function resolveCatalogId(db: CatalogDb, typed: string): { id: string; type: CatalogEntryType } | null {
  const normalized = normalizeIdQuery(typed);
  const row =
    normalized && 'owaspPrefix' in normalized
      ? db.prepare('SELECT id, type FROM entries WHERE id >= ? AND id < ? ORDER BY id LIMIT 1').get(normalized.owaspPrefix, normalized.owaspPrefix + '\uffff')
      : db.prepare('SELECT id, type FROM entries WHERE id = ?').get(normalized ? normalized.exact : typed.trim());
  return (row as { id: string; type: CatalogEntryType } | undefined) ?? null;
}

/** A technique's name as shown out of context: sub-techniques carry their parent's ("LLM Prompt Injection: Indirect"). */
const TECHNIQUE_REF = `t.id, CASE WHEN p.id IS NULL THEN t.name ELSE p.name || ': ' || t.name END AS name`;
const joinTechnique = (on: string) => `JOIN techniques t ON t.id = ${on} LEFT JOIN techniques p ON p.id = t.parent_id`;

function refs(db: CatalogDb, sql: string, ...params: unknown[]): Ref[] {
  return db.prepare(sql).all(...params) as Ref[];
}

function crosswalkRows(db: CatalogDb, sql: string, id: string) {
  const rows = db.prepare(sql).all(id) as Array<{ id: string; name: string; provenance: 'owasp' | 'mercator'; reason: string | null }>;
  return rows.map((r) => ({ id: r.id, name: r.name, provenance: r.provenance, ...(r.reason ? { reason: r.reason } : {}) }));
}

export function getCatalogEntry(db: CatalogDb, typedId: string): CatalogEntry | null {
  const found = resolveCatalogId(db, typedId);
  if (!found) return null;
  const { id, type } = found;
  const textSource = readMeta(db).text_source === 'official' ? 'official' : 'builtin';
  const base = (row: { name: string; summary: string; url: string }) => ({ id, type, name: row.name, summary: row.summary, url: row.url, textSource }) as const;

  if (type === 'tactic') {
    const row = db.prepare('SELECT name, summary, url FROM tactics WHERE id = ?').get(id) as { name: string; summary: string; url: string };
    const techniques = refs(
      db,
      `SELECT t.id, t.name FROM technique_tactics tt JOIN techniques t ON t.id = tt.technique_id
       WHERE tt.tactic_id = ? AND t.parent_id IS NULL ORDER BY t.ord`,
      id,
    );
    return { ...base(row), techniques };
  }
  if (type === 'technique') {
    const row = db.prepare('SELECT name, summary, url, maturity, parent_id FROM techniques WHERE id = ?').get(id) as {
      name: string; summary: string; url: string; maturity: string | null; parent_id: string | null;
    };
    const parent = row.parent_id ? refs(db, 'SELECT id, name FROM techniques WHERE id = ?', row.parent_id)[0] : undefined;
    return {
      ...base(row),
      ...(row.maturity ? { maturity: row.maturity } : {}),
      ...(parent ? { parent } : {}),
      tactics: refs(db, 'SELECT ta.id, ta.name FROM technique_tactics tt JOIN tactics ta ON ta.id = tt.tactic_id WHERE tt.technique_id = ? ORDER BY tt.ord', id),
      subtechniques: refs(db, 'SELECT id, name FROM techniques WHERE parent_id = ? ORDER BY ord', id),
      mitigations: refs(
        db,
        'SELECT m.id, m.name FROM mitigation_techniques mt JOIN mitigations m ON m.id = mt.mitigation_id WHERE mt.technique_id = ? ORDER BY m.ord',
        id,
      ),
      caseStudies: refs(
        db,
        `SELECT c.id, c.name FROM case_studies c WHERE EXISTS
         (SELECT 1 FROM case_study_steps s WHERE s.case_study_id = c.id AND s.technique_id = ?) ORDER BY c.ord`,
        id,
      ),
      crosswalk: crosswalkRows(
        db,
        'SELECT o.id, o.name, x.provenance, x.reason FROM crosswalk x JOIN owasp_entries o ON o.id = x.owasp_id WHERE x.technique_id = ? ORDER BY o.ord',
        id,
      ),
    };
  }
  if (type === 'mitigation') {
    const row = db.prepare('SELECT name, summary, url, category, lifecycle FROM mitigations WHERE id = ?').get(id) as {
      name: string; summary: string; url: string; category: string; lifecycle: string;
    };
    return {
      ...base(row),
      category: JSON.parse(row.category) as string[],
      lifecycle: JSON.parse(row.lifecycle) as string[],
      techniques: refs(
        db,
        `SELECT ${TECHNIQUE_REF} FROM mitigation_techniques mt ${joinTechnique('mt.technique_id')}
         WHERE mt.mitigation_id = ? ORDER BY mt.ord`,
        id,
      ),
    };
  }
  if (type === 'case-study') {
    const row = db.prepare('SELECT * FROM case_studies WHERE id = ?').get(id) as {
      name: string; summary: string; url: string; case_type: string; date: string; target: string; actor: string;
    };
    const steps = db
      .prepare(
        `SELECT ta.id AS tactic_id, ta.name AS tactic_name, ${TECHNIQUE_REF}
         FROM case_study_steps s JOIN tactics ta ON ta.id = s.tactic_id ${joinTechnique('s.technique_id')}
         WHERE s.case_study_id = ? ORDER BY s.step`,
      )
      .all(id) as Array<{ tactic_id: string; tactic_name: string; id: string; name: string }>;
    return {
      ...base(row),
      caseType: row.case_type,
      date: row.date,
      target: row.target,
      actor: row.actor,
      procedure: steps.map((s) => ({ tactic: { id: s.tactic_id, name: s.tactic_name }, technique: { id: s.id, name: s.name } })),
    };
  }
  const row = db.prepare('SELECT name, summary, url, list FROM owasp_entries WHERE id = ?').get(id) as {
    name: string; summary: string; url: string; list: string;
  };
  return {
    ...base(row),
    // OWASP texts are always the project's own words; only ATLAS text is replaced by an import.
    textSource: 'builtin',
    list: row.list,
    prevention: (db.prepare('SELECT text FROM owasp_prevention WHERE owasp_id = ? ORDER BY ord').all(id) as Array<{ text: string }>).map((p) => p.text),
    crosswalk: crosswalkRows(
      db,
      `SELECT ${TECHNIQUE_REF}, x.provenance, x.reason FROM crosswalk x ${joinTechnique('x.technique_id')}
       WHERE x.owasp_id = ? ORDER BY x.technique_id`,
      id,
    ),
  };
}

export function catalogMatrix(db: CatalogDb): CatalogMatrix {
  const tactics = db.prepare('SELECT id, name FROM tactics ORDER BY ord').all() as Ref[];
  const rows = db
    .prepare(
      `SELECT tt.tactic_id, t.id, t.name, t.maturity FROM technique_tactics tt JOIN techniques t ON t.id = tt.technique_id
       WHERE t.parent_id IS NULL ORDER BY t.ord`,
    )
    .all() as Array<{ tactic_id: string; id: string; name: string; maturity: string | null }>;
  const subs = db.prepare('SELECT id, name, maturity, parent_id FROM techniques WHERE parent_id IS NOT NULL ORDER BY ord').all() as Array<{
    id: string; name: string; maturity: string | null; parent_id: string;
  }>;
  const withMaturity = (r: { id: string; name: string; maturity: string | null }) => ({ id: r.id, name: r.name, ...(r.maturity ? { maturity: r.maturity } : {}) });
  const subsByParent = new Map<string, ReturnType<typeof withMaturity>[]>();
  for (const sub of subs) subsByParent.set(sub.parent_id, [...(subsByParent.get(sub.parent_id) ?? []), withMaturity(sub)]);
  return {
    tactics: tactics.map((tactic) => ({
      id: tactic.id,
      name: tactic.name,
      techniques: rows
        .filter((r) => r.tactic_id === tactic.id)
        .map((r) => ({ ...withMaturity(r), subtechniques: subsByParent.get(r.id) ?? [] })),
    })),
  };
}

export function listCatalog(db: CatalogDb, type: CatalogEntryType, list?: 'llm-2025' | 'ml-2023'): CatalogSearchHit[] {
  const rows = (
    list
      ? db.prepare('SELECT id, type, name, summary, parent_name FROM entries WHERE type = ? AND list = ? ORDER BY n').all(type, list)
      : db.prepare('SELECT id, type, name, summary, parent_name FROM entries WHERE type = ? ORDER BY n').all(type)
  ) as Array<{ id: string; type: CatalogEntryType; name: string; summary: string; parent_name: string | null }>;
  return rows.map((r) => ({ id: r.id, type: r.type, name: r.name, summary: r.summary, ...(r.parent_name ? { parentName: r.parent_name } : {}) }));
}
