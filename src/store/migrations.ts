/**
 * Versioned schema migrations of the SQLite store.
 *
 * Each migration runs once, in its own transaction, and is recorded in `migrations`; the
 * schema version is also kept in `PRAGMA user_version` so that other tools can read it. A
 * database newer than this code is refused rather than written to.
 */
import type Database from 'better-sqlite3';
import { MarsadError } from '../core/errors.js';
import { segmentedSearchStem } from '../core/search/terms.js';

/** One migration: a version number, a name saying what it does, and its SQL or function. */
export interface Migration {
  version: number;
  name: string;
  up: string | ((db: Database.Database) => void);
}

/**
 * The full-text index is FTS5 over OUR analysis, not over raw text: each column holds one
 * form per indexed token, space-separated and position-aligned (see `core/search/terms.ts`).
 * The terms contain only letters and digits, so FTS5's `unicode61` splitting on spaces gives
 * back exactly our tokens. `doc_terms` is the external content (the index itself stores no
 * copy), and also what snippets are built from.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents, full-text index over analysis terms, entities, mentions, quotes, events',
    up: `
      -- Small columns first: SQLite reads a row's columns in order, and the ones after a long
      -- text sit in overflow pages, so filters and facets would otherwise walk every article.
      CREATE TABLE documents (
        rowid INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        source_key TEXT UNIQUE,
        source TEXT,
        source_id TEXT,
        published TEXT,
        topic TEXT,
        near_dup_of INTEGER REFERENCES documents(rowid) ON DELETE SET NULL,
        lang TEXT NOT NULL DEFAULT 'ar',
        word_count INTEGER NOT NULL DEFAULT 0,
        content_hash TEXT NOT NULL UNIQUE,
        schema_version INTEGER NOT NULL,
        analyzer TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        updated_at TEXT,
        url TEXT,
        title TEXT,
        meta TEXT,
        minhash BLOB,
        text TEXT NOT NULL,
        analysis BLOB NOT NULL,
        analysis_codec TEXT NOT NULL
      );
      CREATE INDEX documents_published ON documents(published);
      CREATE INDEX documents_source ON documents(source, published);
      CREATE INDEX documents_topic ON documents(topic);
      CREATE INDEX documents_near_dup ON documents(near_dup_of);

      -- Other source keys whose content was identical to a stored document.
      CREATE TABLE source_aliases (
        source_key TEXT PRIMARY KEY,
        document INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE INDEX source_aliases_document ON source_aliases(document);

      -- LSH band keys of each MinHash signature, to find near-duplicate candidates by exact lookup.
      CREATE TABLE minhash_bands (
        band INTEGER NOT NULL,
        value INTEGER NOT NULL,
        document INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        PRIMARY KEY (band, value, document)
      ) WITHOUT ROWID;
      CREATE INDEX minhash_bands_document ON minhash_bands(document);

      CREATE TABLE doc_terms (
        rowid INTEGER PRIMARY KEY REFERENCES documents(rowid) ON DELETE CASCADE,
        t_norm TEXT NOT NULL, t_base TEXT NOT NULL, t_stem TEXT NOT NULL,
        b_norm TEXT NOT NULL, b_base TEXT NOT NULL, b_stem TEXT NOT NULL,
        t_spans BLOB NOT NULL,
        b_spans BLOB NOT NULL
      );
      CREATE VIRTUAL TABLE doc_fts USING fts5(
        t_norm, t_base, t_stem, b_norm, b_base, b_stem,
        content='doc_terms', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 0'
      );

      CREATE TABLE doc_topics (
        document INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        label TEXT NOT NULL,
        score REAL NOT NULL,
        rank INTEGER NOT NULL,
        PRIMARY KEY (document, kind, label)
      ) WITHOUT ROWID;
      CREATE INDEX doc_topics_label ON doc_topics(kind, label);

      CREATE TABLE entities (
        rowid INTEGER PRIMARY KEY,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        doc_count INTEGER NOT NULL DEFAULT 0,
        mention_count INTEGER NOT NULL DEFAULT 0,
        first_seen TEXT,
        last_seen TEXT
      );
      CREATE INDEX entities_doc_count ON entities(doc_count DESC);

      -- Keys under which an entity is found when linking: its name, loose spellings,
      -- surnames and aliases seen in articles.
      CREATE TABLE entity_keys (
        kind TEXT NOT NULL,
        type TEXT NOT NULL,
        key TEXT NOT NULL,
        entity INTEGER NOT NULL REFERENCES entities(rowid) ON DELETE CASCADE,
        PRIMARY KEY (kind, type, key, entity)
      ) WITHOUT ROWID;
      CREATE INDEX entity_keys_entity ON entity_keys(entity);

      CREATE TABLE entity_aliases (
        entity INTEGER NOT NULL REFERENCES entities(rowid) ON DELETE CASCADE,
        alias TEXT NOT NULL,
        count INTEGER NOT NULL DEFAULT 1,
        PRIMARY KEY (entity, alias)
      ) WITHOUT ROWID;
      CREATE INDEX entity_aliases_alias ON entity_aliases(alias);

      CREATE TABLE doc_entities (
        document INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        local_id TEXT NOT NULL,
        entity INTEGER NOT NULL REFERENCES entities(rowid),
        name TEXT NOT NULL,
        mention_count INTEGER NOT NULL,
        roles TEXT,
        PRIMARY KEY (document, local_id)
      ) WITHOUT ROWID;
      CREATE INDEX doc_entities_entity ON doc_entities(entity, document);

      CREATE TABLE mentions (
        rowid INTEGER PRIMARY KEY,
        document INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        entity INTEGER NOT NULL REFERENCES entities(rowid),
        start INTEGER NOT NULL,
        end INTEGER NOT NULL,
        text TEXT NOT NULL,
        via TEXT
      );
      CREATE INDEX mentions_entity ON mentions(entity);
      CREATE INDEX mentions_document ON mentions(document);

      CREATE TABLE quotes (
        rowid INTEGER PRIMARY KEY,
        document INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        speaker INTEGER REFERENCES entities(rowid),
        speaker_text TEXT,
        cue TEXT NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        start INTEGER NOT NULL,
        end INTEGER NOT NULL
      );
      CREATE INDEX quotes_speaker ON quotes(speaker);
      CREATE INDEX quotes_document ON quotes(document);
      CREATE TABLE quote_terms (
        rowid INTEGER PRIMARY KEY REFERENCES quotes(rowid) ON DELETE CASCADE,
        q_norm TEXT NOT NULL, q_base TEXT NOT NULL, q_stem TEXT NOT NULL
      );
      CREATE VIRTUAL TABLE quote_fts USING fts5(
        q_norm, q_base, q_stem,
        content='quote_terms', content_rowid='rowid',
        tokenize='unicode61 remove_diacritics 0'
      );

      CREATE TABLE events (
        rowid INTEGER PRIMARY KEY,
        document INTEGER NOT NULL REFERENCES documents(rowid) ON DELETE CASCADE,
        type TEXT NOT NULL,
        cameo TEXT NOT NULL,
        trigger_text TEXT NOT NULL,
        trigger_start INTEGER NOT NULL,
        trigger_end INTEGER NOT NULL,
        modality TEXT,
        time_text TEXT,
        time_date TEXT,
        sentence INTEGER
      );
      CREATE INDEX events_document ON events(document);
      CREATE INDEX events_type ON events(type);
      CREATE INDEX events_cameo ON events(cameo);
      CREATE TABLE event_participants (
        event INTEGER NOT NULL REFERENCES events(rowid) ON DELETE CASCADE,
        entity INTEGER NOT NULL REFERENCES entities(rowid),
        role TEXT NOT NULL,
        PRIMARY KEY (event, entity, role)
      ) WITHOUT ROWID;
      CREATE INDEX event_participants_entity ON event_participants(entity, role);

      CREATE TABLE fetch_validators (
        url TEXT PRIMARY KEY,
        etag TEXT,
        last_modified TEXT,
        fetched_at TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    name: 'search stems of analyzed documents: light stem of the clitic-free form (segmentedSearchStem)',
    up: restemAnalyzedTerms,
  },
  {
    version: 3,
    name: 'exact duplicates keep where they were seen: source, URL, title and date of each source alias',
    // Rows from before this migration keep only their source key: what they dropped is gone.
    up: `
      ALTER TABLE source_aliases ADD COLUMN source TEXT;
      ALTER TABLE source_aliases ADD COLUMN url TEXT;
      ALTER TABLE source_aliases ADD COLUMN title TEXT;
      ALTER TABLE source_aliases ADD COLUMN published TEXT;
      ALTER TABLE source_aliases ADD COLUMN ingested_at TEXT;
    `,
  },
];

/**
 * Migration 2: documents analyzed with the morphology stage get the stem column that
 * `termForms` now writes for them, {@link segmentedSearchStem} of the clitic-free form,
 * computed from the stored `base` column alone (no re-analysis); the two FTS indexes are then
 * rebuilt from their content tables. Documents indexed without morphology keep their stems:
 * that path did not change. Queries are stemmed by the new rule, so without this an old
 * database would no longer match plurals that it matched before.
 */
function restemAnalyzedTerms(db: Database.Database): void {
  const restem = (forms: string): string => (forms === '' ? '' : forms.split(' ').map(segmentedSearchStem).join(' '));
  const analyzed = `SELECT rowid FROM documents WHERE ',' || analyzer || ',' LIKE '%,morphology,%'`;
  const docs = db.prepare(`SELECT rowid, t_base, b_base FROM doc_terms WHERE rowid IN (${analyzed})`).all() as { rowid: number; t_base: string; b_base: string }[];
  const setDoc = db.prepare('UPDATE doc_terms SET t_stem = ?, b_stem = ? WHERE rowid = ?');
  for (const d of docs) setDoc.run(restem(d.t_base), restem(d.b_base), d.rowid);
  const quotes = db
    .prepare(`SELECT t.rowid, t.q_base FROM quote_terms t JOIN quotes q ON q.rowid = t.rowid WHERE q.document IN (${analyzed})`)
    .all() as { rowid: number; q_base: string }[];
  const setQuote = db.prepare('UPDATE quote_terms SET q_stem = ? WHERE rowid = ?');
  for (const q of quotes) setQuote.run(restem(q.q_base), q.rowid);
  // External-content indexes: rebuilt from the updated content tables.
  db.exec(`INSERT INTO doc_fts (doc_fts) VALUES ('rebuild'); INSERT INTO quote_fts (quote_fts) VALUES ('rebuild');`);
}

/** The schema version this code writes. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/**
 * Brings the database up to {@link LATEST_SCHEMA_VERSION}. Returns the versions applied.
 * @throws MarsadError `INVALID_ARGUMENT` when the database is newer than this code.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const current = (db.pragma('user_version', { simple: true }) as number) ?? 0;
  const latest = migrations.length ? migrations[migrations.length - 1].version : 0;
  if (current > latest) {
    throw new MarsadError(
      'INVALID_ARGUMENT',
      `The database has schema version ${current}, newer than this Marsad (${latest}). Upgrade Marsad to open it.`,
      { current, latest },
    );
  }
  const applied: number[] = [];
  for (const m of migrations) {
    if (m.version <= current) continue;
    db.transaction(() => {
      if (typeof m.up === 'string') db.exec(m.up);
      else m.up(db);
      db.prepare('INSERT INTO migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, new Date().toISOString());
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
