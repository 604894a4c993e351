// Writes a whole Catalog into a catalog database (schema already migrated), replacing what it held.
// Runs in one transaction: either the new catalog is complete or the old one is untouched.
import type Database from 'better-sqlite3';
import type { Migration } from './sources';
import type { Catalog } from '../../catalog/index';

export interface CatalogWriteMeta {
  /** Hash of the built-in sources this database answers to. */
  sourceHash: string;
  /** Where the text came from, shown to people: "built-in data", "official ATLAS release 5.6.0". */
  source: string;
}

export function applyMigrations(db: Database.Database, migrations: Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (current > latest) throw new Error(`the catalog database has schema version ${current}, newer than this app knows (${latest})`);
  for (const migration of migrations.slice(current)) {
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

/** Text for the full-text index: markdown link targets dropped, so URLs do not match queries. */
function searchable(text: string): string {
  return text.replace(/\]\([^)]*\)/g, ']');
}

function idKeywords(id: string): string {
  if (id.startsWith('AML.')) return `${id} ${id.slice(4)}`;
  const short = id.split(':')[0]!;
  return `${id} ${short}`;
}

export function writeCatalog(db: Database.Database, catalog: Catalog, meta: CatalogWriteMeta): void {
  db.transaction(() => {
    db.pragma('defer_foreign_keys = ON');
    for (const table of [
      'entries_fts', 'entries', 'crosswalk', 'owasp_prevention', 'owasp_entries', 'case_study_steps', 'case_studies',
      'mitigation_techniques', 'mitigations', 'technique_tactics', 'techniques', 'tactics', 'meta',
    ]) {
      db.prepare(`DELETE FROM ${table}`).run();
    }
    const techniquesById = new Map(catalog.techniques.map((t) => [t.id, t]));
    const tacticNames = new Map(catalog.tactics.map((t) => [t.id, t.name]));

    const insertEntry = db.prepare('INSERT INTO entries (n, id, type, name, summary, parent_name, list) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const insertFts = db.prepare('INSERT INTO entries_fts (rowid, id, name, parent, summary, keywords) VALUES (?, ?, ?, ?, ?, ?)');
    let n = 0;
    const entry = (id: string, type: string, name: string, summary: string, keywords: string, parentName: string | null = null, list: string | null = null) => {
      n++;
      insertEntry.run(n, id, type, name, summary, parentName, list);
      insertFts.run(n, id, name, parentName ?? '', searchable(summary), `${idKeywords(id)} ${keywords}`);
    };

    const insertTactic = db.prepare('INSERT INTO tactics (id, ord, name, summary, url, attack_id) VALUES (?, ?, ?, ?, ?, ?)');
    catalog.tactics.forEach((t, i) => {
      insertTactic.run(t.id, i, t.name, t.summary, t.url, t.attack ?? null);
      entry(t.id, 'tactic', t.name, t.summary, 'tactic');
    });

    const insertTechnique = db.prepare('INSERT INTO techniques (id, ord, name, summary, url, maturity, parent_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const insertTechniqueTactic = db.prepare('INSERT INTO technique_tactics (technique_id, tactic_id, ord, inherited) VALUES (?, ?, ?, ?)');
    catalog.techniques.forEach((t, i) => {
      insertTechnique.run(t.id, i, t.name, t.summary, t.url, t.maturity ?? null, t.parent ?? null);
      const parent = t.parent ? techniquesById.get(t.parent) : undefined;
      const inherited = t.tactics.length === 0 && parent !== undefined;
      const tactics = inherited ? parent.tactics : t.tactics;
      tactics.forEach((tactic, k) => insertTechniqueTactic.run(t.id, tactic, k, inherited ? 1 : 0));
      const tacticWords = tactics.map((id) => tacticNames.get(id) ?? '').join(' ');
      entry(t.id, 'technique', t.name, t.summary, `${parent ? 'sub-technique' : 'technique'} ${tacticWords}`, parent?.name ?? null);
    });

    const insertMitigation = db.prepare('INSERT INTO mitigations (id, ord, name, summary, url, category, lifecycle) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const insertMitigationTechnique = db.prepare('INSERT INTO mitigation_techniques (mitigation_id, technique_id, ord) VALUES (?, ?, ?)');
    catalog.mitigations.forEach((m, i) => {
      insertMitigation.run(m.id, i, m.name, m.summary, m.url, JSON.stringify(m.category), JSON.stringify(m.lifecycle));
      m.techniques.forEach((technique, k) => insertMitigationTechnique.run(m.id, technique, k));
      entry(m.id, 'mitigation', m.name, m.summary, `mitigation ${m.category.join(' ')}`);
    });

    const insertStudy = db.prepare(
      'INSERT INTO case_studies (id, ord, name, summary, url, case_type, date, date_granularity, target, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const insertStep = db.prepare('INSERT INTO case_study_steps (case_study_id, step, tactic_id, technique_id) VALUES (?, ?, ?, ?)');
    catalog.caseStudies.forEach((c, i) => {
      insertStudy.run(c.id, i, c.name, c.summary, c.url, c.caseType, c.date, c.dateGranularity, c.target, c.actor);
      c.procedure.forEach((step, k) => insertStep.run(c.id, k, step.tactic, step.technique));
      entry(c.id, 'case-study', c.name, c.summary, `case study ${c.caseType} ${c.target} ${c.actor}`);
    });

    const insertOwasp = db.prepare('INSERT INTO owasp_entries (id, list, ord, name, summary, url) VALUES (?, ?, ?, ?, ?, ?)');
    const insertPrevention = db.prepare('INSERT INTO owasp_prevention (owasp_id, ord, text) VALUES (?, ?, ?)');
    catalog.owasp.forEach((o, i) => {
      insertOwasp.run(o.id, o.list, i, o.name, o.summary, o.url);
      o.prevention.forEach((text, k) => insertPrevention.run(o.id, k, text));
      const listName = o.list === 'llm-2025' ? 'OWASP LLM Top 10 2025' : 'OWASP ML Security Top 10 2023';
      entry(o.id, 'owasp', o.name, o.summary, listName, null, o.list);
    });

    const insertLink = db.prepare('INSERT INTO crosswalk (owasp_id, technique_id, provenance, reason, ord) VALUES (?, ?, ?, ?, ?)');
    catalog.crosswalk.forEach((l, i) => insertLink.run(l.owasp, l.atlas, l.provenance, l.reason ?? null, i));

    const insertMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
    insertMeta.run('atlas_version', catalog.meta.atlasVersion);
    insertMeta.run('text_source', catalog.meta.textSource);
    insertMeta.run('source_hash', meta.sourceHash);
    insertMeta.run('source', meta.source);

    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length > 0) throw new Error(`the catalog has ${broken.length} dangling reference(s): ${JSON.stringify(broken[0])}`);
  })();
  db.exec("INSERT INTO entries_fts (entries_fts) VALUES ('optimize')");
}
