-- 001: the compiled MITRE ATLAS + OWASP catalog (built from data/catalog/, or from an imported
-- official ATLAS release). Forward-only: a later change is a new numbered file, never an edit.

CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE tactics (
  id TEXT PRIMARY KEY,
  ord INTEGER NOT NULL UNIQUE, -- ATLAS matrix order
  name TEXT NOT NULL,
  summary TEXT NOT NULL,
  url TEXT NOT NULL,
  attack_id TEXT
) STRICT;

CREATE TABLE techniques (
  id TEXT PRIMARY KEY,
  ord INTEGER NOT NULL UNIQUE, -- release order
  name TEXT NOT NULL,
  summary TEXT NOT NULL,
  url TEXT NOT NULL,
  maturity TEXT,
  parent_id TEXT REFERENCES techniques (id)
) STRICT;
CREATE INDEX techniques_by_parent ON techniques (parent_id);

-- Every technique's tactics; sub-techniques inherit their parent's (inherited = 1).
CREATE TABLE technique_tactics (
  technique_id TEXT NOT NULL REFERENCES techniques (id),
  tactic_id TEXT NOT NULL REFERENCES tactics (id),
  ord INTEGER NOT NULL,
  inherited INTEGER NOT NULL CHECK (inherited IN (0, 1)),
  PRIMARY KEY (technique_id, tactic_id)
) STRICT;
CREATE INDEX technique_tactics_by_tactic ON technique_tactics (tactic_id);

CREATE TABLE mitigations (
  id TEXT PRIMARY KEY,
  ord INTEGER NOT NULL UNIQUE,
  name TEXT NOT NULL,
  summary TEXT NOT NULL,
  url TEXT NOT NULL,
  category TEXT NOT NULL, -- JSON array of strings
  lifecycle TEXT NOT NULL -- JSON array of strings
) STRICT;

CREATE TABLE mitigation_techniques (
  mitigation_id TEXT NOT NULL REFERENCES mitigations (id),
  technique_id TEXT NOT NULL REFERENCES techniques (id),
  ord INTEGER NOT NULL,
  PRIMARY KEY (mitigation_id, technique_id)
) STRICT;
CREATE INDEX mitigation_techniques_by_technique ON mitigation_techniques (technique_id);

CREATE TABLE case_studies (
  id TEXT PRIMARY KEY,
  ord INTEGER NOT NULL UNIQUE,
  name TEXT NOT NULL,
  summary TEXT NOT NULL,
  url TEXT NOT NULL,
  case_type TEXT NOT NULL,
  date TEXT NOT NULL,
  date_granularity TEXT NOT NULL,
  target TEXT NOT NULL,
  actor TEXT NOT NULL
) STRICT;

CREATE TABLE case_study_steps (
  case_study_id TEXT NOT NULL REFERENCES case_studies (id),
  step INTEGER NOT NULL,
  tactic_id TEXT NOT NULL REFERENCES tactics (id),
  technique_id TEXT NOT NULL REFERENCES techniques (id),
  PRIMARY KEY (case_study_id, step)
) STRICT;
CREATE INDEX case_study_steps_by_technique ON case_study_steps (technique_id);

CREATE TABLE owasp_entries (
  id TEXT PRIMARY KEY,
  list TEXT NOT NULL CHECK (list IN ('llm-2025', 'ml-2023')),
  ord INTEGER NOT NULL UNIQUE,
  name TEXT NOT NULL,
  summary TEXT NOT NULL,
  url TEXT NOT NULL
) STRICT;

CREATE TABLE owasp_prevention (
  owasp_id TEXT NOT NULL REFERENCES owasp_entries (id),
  ord INTEGER NOT NULL,
  text TEXT NOT NULL,
  PRIMARY KEY (owasp_id, ord)
) STRICT;

-- OWASP ↔ ATLAS links: provenance 'owasp' (cited by OWASP itself) or 'mercator' (our analysis, with a reason).
CREATE TABLE crosswalk (
  owasp_id TEXT NOT NULL REFERENCES owasp_entries (id),
  technique_id TEXT NOT NULL REFERENCES techniques (id),
  provenance TEXT NOT NULL CHECK (provenance IN ('owasp', 'mercator')),
  reason TEXT,
  ord INTEGER NOT NULL,
  PRIMARY KEY (owasp_id, technique_id)
) STRICT;
CREATE INDEX crosswalk_by_technique ON crosswalk (technique_id);

-- One row per searchable entry, for lists and search hits; entries_fts shares its rowid.
CREATE TABLE entries (
  n INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  type TEXT NOT NULL CHECK (type IN ('tactic', 'technique', 'mitigation', 'case-study', 'owasp')),
  name TEXT NOT NULL,
  summary TEXT NOT NULL,
  parent_name TEXT,
  list TEXT
) STRICT;
CREATE INDEX entries_by_type ON entries (type, n);

-- name: the entry's own name; parent: a sub-technique's parent name; keywords: id forms, type, tactics.
CREATE VIRTUAL TABLE entries_fts USING fts5 (
  id, name, parent, summary, keywords,
  tokenize = 'porter unicode61 remove_diacritics 2',
  prefix = '2 3'
);
