/**
 * The embedded SQLite store (better-sqlite3, WAL mode).
 *
 * Writes go through {@link SqliteCorpusStore.putDocuments}, one transaction per batch: a
 * process killed mid-batch leaves the database as it was after the last committed batch,
 * and since documents are keyed by source key and content hash, a rerun adds exactly the
 * ones that are missing.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { AnalyzedDocument, Entity, EntityType, Role, Span } from '../core/document.js';
import { MarsadError } from '../core/errors.js';
import { normalize } from '../core/text/normalize.js';
import type { AnalyzedQuery, FormColumns, MatchMode } from '../core/search/query.js';
import { toFtsMatch } from '../core/search/query.js';
import { bandKeys, jaccardEstimate, NEAR_DUPLICATE_JACCARD, signatureFromBytes, signatureToBytes } from '../core/search/minhash.js';
import { buildSnippet, highlightAll, matchPositions } from '../core/search/snippet.js';
import type { IndexTerms } from '../core/search/terms.js';
import { ANALYSIS_CODEC, decodeAnalysis, encodeAnalysis } from './analysis-codec.js';
import { decideLink, entityKeys, type EntityKeyKind, type EntityKeyLookup, nameKey } from './entity-linking.js';
import { LATEST_SCHEMA_VERSION, migrate } from './migrations.js';
import type {
  Cooccurrence,
  CorpusStore,
  DuplicateCopy,
  EntityProfile,
  EntitySummary,
  EventQuery,
  EventRecord,
  FacetCount,
  FacetName,
  Facets,
  FetchValidator,
  Page,
  PreparedDocument,
  PutOutcome,
  QuoteQuery,
  QuoteRecord,
  RoleCount,
  SearchHit,
  SearchRequest,
  SearchResponse,
  StoreStats,
  StoredDocument,
  TimelinePoint,
} from './store.js';

/** The default database path, relative to the working directory. */
export const DEFAULT_DB_PATH = './var/marsad.db';

/** BM25 weights of the index columns: title forms, then body forms (exact, clitic-free, stem). */
export interface RankingWeights {
  title: [number, number, number];
  body: [number, number, number];
}

/** Default weights, tuned on ANT fold 8 (see bench/corpus.ts; fold 9 is only reported). */
export const DEFAULT_WEIGHTS: RankingWeights = { title: [8, 8, 8], body: [1, 1, 1] };

/** Options for {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /** Open read-only (no migrations). */
  readonly?: boolean;
  weights?: RankingWeights;
  /** SQLite page cache in MiB (default 64). */
  cacheMiB?: number;
}

const DOC_COLUMNS: Record<'all' | 'title' | 'body', FormColumns> = {
  all: { norm: ['t_norm', 'b_norm'], base: ['t_base', 'b_base'], stem: ['t_stem', 'b_stem'] },
  title: { norm: ['t_norm'], base: ['t_base'], stem: ['t_stem'] },
  body: { norm: ['b_norm'], base: ['b_base'], stem: ['b_stem'] },
};
const QUOTE_COLUMNS: FormColumns = { norm: ['q_norm'], base: ['q_base'], stem: ['q_stem'] };

type Row = Record<string, unknown>;
type Param = string | number | null | Buffer;

const MAX_LIMIT = 200;
const MAX_OFFSET = 100_000;

function clampLimit(n: number | undefined, dflt: number): number {
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(n ?? dflt)));
}
function clampOffset(n: number | undefined): number {
  return Math.min(MAX_OFFSET, Math.max(0, Math.floor(n ?? 0)));
}

function spansToBlob(spans: readonly number[]): Buffer {
  return Buffer.from(Int32Array.from(spans).buffer);
}
function blobToSpans(blob: Buffer): number[] {
  const copy = new Uint8Array(blob.byteLength);
  copy.set(blob);
  return Array.from(new Int32Array(copy.buffer));
}
function splitTerms(s: string): string[] {
  return s === '' ? [] : s.split(' ');
}
function termsFromRow(norm: string, base: string, stem: string, spans: Buffer): IndexTerms {
  return { norm: splitTerms(norm), base: splitTerms(base), stem: splitTerms(stem), spans: blobToSpans(spans) };
}

/**
 * Put between a document's title terms and each exact duplicate's title terms in the title
 * columns. A tatweel alone is a token to FTS5's unicode61 but never a query term (the
 * analyzer removes tatweel), so no phrase can match across two titles.
 */
export const ALIAS_TITLE_SEPARATOR = '\u0640';

/** The titles held in a `t_norm` column: the document's own (maybe empty), then each copy's. */
function titlesOf(tNorm: string): string[] {
  const sep = ALIAS_TITLE_SEPARATOR;
  return (tNorm.startsWith(`${sep} `) ? ` ${tNorm}` : tNorm).split(` ${sep} `);
}

/**
 * How many of the best matches {@link SqliteCorpusStore.search} looks through for a title that
 * is the whole query; pages beyond it keep plain BM25 order, so no document shows on two pages.
 */
const HEADLINE_WINDOW = 50;

/** The terms of the document's own title: the positions that `t_spans` maps back to the original. */
function storedTitleTerms(terms: IndexTerms): IndexTerms {
  const n = terms.spans.length / 2;
  if (terms.norm.length === n) return terms;
  return { norm: terms.norm.slice(0, n), base: terms.base.slice(0, n), stem: terms.stem.slice(0, n), spans: terms.spans };
}

/** Public entity id from its row id, and back. */
export function entityPublicId(rowid: number): string {
  return `E${rowid}`;
}
function entityRowid(id: string): number | undefined {
  const m = /^E(\d+)$/.exec(id);
  return m ? Number(m[1]) : undefined;
}

/** The day after `YYYY-MM-DD`, for inclusive upper bounds on ISO timestamps. */
function nextDay(date: string): string {
  const d = new Date(`${date.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) throw new MarsadError('VALIDATION', `Not a date: "${date}" (expected YYYY-MM-DD).`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
function checkDate(date: string): string {
  if (!/^\d{4}-\d{2}-\d{2}/.test(date) || Number.isNaN(Date.parse(date.slice(0, 10)))) {
    throw new MarsadError('VALIDATION', `Not a date: "${date}" (expected YYYY-MM-DD).`);
  }
  return date.slice(0, 10);
}

/** A SQL WHERE fragment with its parameters. */
interface Where {
  sql: string[];
  params: Param[];
}

/** The SQLite implementation of {@link CorpusStore}. */
export class SqliteCorpusStore implements CorpusStore {
  readonly kind = 'sqlite';
  readonly db: Database.Database;
  readonly path: string;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly weights: RankingWeights;

  constructor(db: Database.Database, path: string, options: SqliteStoreOptions = {}) {
    this.db = db;
    this.path = path;
    this.weights = options.weights ?? DEFAULT_WEIGHTS;
  }

  private stmt(sql: string): Database.Statement {
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }
  private get<T = Row>(sql: string, ...params: Param[]): T | undefined {
    return this.stmt(sql).get(...params) as T | undefined;
  }
  private all<T = Row>(sql: string, ...params: Param[]): T[] {
    return this.stmt(sql).all(...params) as T[];
  }
  private run(sql: string, ...params: Param[]): Database.RunResult {
    return this.stmt(sql).run(...params);
  }

  hasSourceKey(key: string): boolean {
    return (
      this.get('SELECT 1 FROM documents WHERE source_key = ?', key) !== undefined ||
      this.get('SELECT 1 FROM source_aliases WHERE source_key = ?', key) !== undefined
    );
  }

  hasContentHash(hash: string): boolean {
    return this.get('SELECT 1 FROM documents WHERE content_hash = ?', hash) !== undefined;
  }

  putDocuments(docs: readonly PreparedDocument[]): PutOutcome[] {
    return this.db.transaction(() => docs.map((d) => this.putOne(d)))();
  }

  private putOne(doc: PreparedDocument): PutOutcome {
    if (doc.sourceKey !== null) {
      const existing = this.get<{ rowid: number; id: string; content_hash: string }>(
        'SELECT rowid, id, content_hash FROM documents WHERE source_key = ?',
        doc.sourceKey,
      );
      if (existing) {
        if (existing.content_hash === doc.contentHash) return { status: 'unchanged', id: existing.id };
        const other = this.get<{ id: string }>('SELECT id FROM documents WHERE content_hash = ?', doc.contentHash);
        if (other) return { status: 'duplicate', id: other.id };
        // The publisher changed the article: replace it, keeping its public id.
        this.deleteRow(existing.rowid);
        const outcome = this.insert(doc);
        return { ...outcome, status: 'updated' };
      }
      const alias = this.get<{ id: string }>(
        'SELECT d.id FROM source_aliases a JOIN documents d ON d.rowid = a.document WHERE a.source_key = ?',
        doc.sourceKey,
      );
      if (alias) return { status: 'unchanged', id: alias.id };
    }
    const same = this.get<{ rowid: number; id: string }>('SELECT rowid, id FROM documents WHERE content_hash = ?', doc.contentHash);
    if (same) {
      if (doc.sourceKey !== null) {
        const added = this.run(
          'INSERT OR IGNORE INTO source_aliases (source_key, document, source, url, title, published, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
          doc.sourceKey,
          same.rowid,
          doc.source,
          doc.url,
          doc.title,
          doc.published,
          new Date().toISOString(),
        );
        if (added.changes > 0) this.indexAliasTitle(same.rowid, doc.titleTerms);
      }
      return { status: 'duplicate', id: same.id };
    }
    if (this.get('SELECT 1 FROM documents WHERE id = ?', doc.id)) {
      // Same public id but no source key match: only possible for a hash-derived id collision.
      throw new MarsadError('INTERNAL', `Document id ${doc.id} is already taken.`);
    }
    return this.insert(doc);
  }

  /**
   * Makes an exact duplicate's own headline find the stored copy: a wire story carried under
   * another title is otherwise found only by the first site's title. Its terms are appended
   * to the title columns after {@link ALIAS_TITLE_SEPARATOR}; `t_spans` keeps only the stored
   * title's tokens, so highlights never point into a title that is not the document's.
   */
  private indexAliasTitle(rowid: number, alias: IndexTerms): void {
    if (alias.norm.length === 0) return;
    const t = this.get<Row>('SELECT t_norm, t_base, t_stem, b_norm, b_base, b_stem FROM doc_terms WHERE rowid = ?', rowid);
    if (!t) return;
    if (titlesOf(t.t_norm as string).includes(alias.norm.join(' '))) return;
    const join = (stored: unknown, added: string[]): string => (stored === '' ? [ALIAS_TITLE_SEPARATOR, ...added] : [stored as string, ALIAS_TITLE_SEPARATOR, ...added]).join(' ');
    const next = [join(t.t_norm, alias.norm), join(t.t_base, alias.base), join(t.t_stem, alias.stem)];
    const body = [t.b_norm as string, t.b_base as string, t.b_stem as string];
    const old = [t.t_norm as string, t.t_base as string, t.t_stem as string];
    this.run(`INSERT INTO doc_fts (doc_fts, rowid, t_norm, t_base, t_stem, b_norm, b_base, b_stem) VALUES ('delete', ?, ?, ?, ?, ?, ?, ?)`, rowid, ...old, ...body);
    this.run('UPDATE doc_terms SET t_norm = ?, t_base = ?, t_stem = ? WHERE rowid = ?', ...next, rowid);
    this.run('INSERT INTO doc_fts (rowid, t_norm, t_base, t_stem, b_norm, b_base, b_stem) VALUES (?, ?, ?, ?, ?, ?, ?)', rowid, ...next, ...body);
  }

  /**
   * The earliest stored document whose estimated Jaccard similarity reaches
   * {@link NEAR_DUPLICATE_JACCARD}, followed to the root of its cluster.
   */
  private nearDuplicateOf(doc: PreparedDocument): { rowid: number; id: string } | undefined {
    if (!doc.signature) return undefined;
    const keys = bandKeys(doc.signature);
    const candidates = this.all<{ rowid: number; id: string; minhash: Buffer; near_dup_of: number | null }>(
      `SELECT d.rowid, d.id, d.minhash, d.near_dup_of FROM documents d WHERE d.rowid IN (
         SELECT document FROM minhash_bands WHERE ${keys.map(() => '(band = ? AND value = ?)').join(' OR ')}) ORDER BY d.rowid`,
      ...keys.flatMap((k, band) => [band, k]),
    );
    for (const c of candidates) {
      if (c.minhash && jaccardEstimate(signatureFromBytes(c.minhash), doc.signature) >= NEAR_DUPLICATE_JACCARD) {
        if (c.near_dup_of !== null) {
          const root = this.get<{ rowid: number; id: string }>('SELECT rowid, id FROM documents WHERE rowid = ?', c.near_dup_of);
          if (root) return root;
        }
        return { rowid: c.rowid, id: c.id };
      }
    }
    return undefined;
  }

  private insert(doc: PreparedDocument): PutOutcome {
    const near = this.nearDuplicateOf(doc);
    const topics = doc.analysis.topics ?? [];
    const primaryTopic = topics.length > 0 ? [...topics].sort((a, b) => b.score - a.score)[0].label : null;
    const now = new Date().toISOString();
    const info = this.run(
      `INSERT INTO documents (id, source_key, source, source_id, url, title, published, lang, text, content_hash, word_count,
         topic, minhash, near_dup_of, schema_version, analyzer, analysis, analysis_codec, meta, ingested_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      doc.id,
      doc.sourceKey,
      doc.source,
      doc.sourceId,
      doc.url,
      doc.title,
      doc.published,
      doc.lang,
      doc.analysis.text,
      doc.contentHash,
      doc.wordCount,
      primaryTopic,
      doc.signature ? Buffer.from(signatureToBytes(doc.signature)) : null,
      near ? near.rowid : null,
      doc.analysis.schemaVersion,
      doc.analyzer.join(','),
      doc.encodedAnalysis ? Buffer.from(doc.encodedAnalysis.bytes.buffer, doc.encodedAnalysis.bytes.byteOffset, doc.encodedAnalysis.bytes.byteLength) : encodeAnalysis(doc.analysis),
      doc.encodedAnalysis?.codec ?? ANALYSIS_CODEC,
      doc.meta ? JSON.stringify(doc.meta) : null,
      now,
    );
    const rowid = Number(info.lastInsertRowid);
    const t = doc.titleTerms;
    const b = doc.bodyTerms;
    const termValues: Param[] = [
      t.norm.join(' '),
      t.base.join(' '),
      t.stem.join(' '),
      b.norm.join(' '),
      b.base.join(' '),
      b.stem.join(' '),
    ];
    this.run(
      'INSERT INTO doc_terms (rowid, t_norm, t_base, t_stem, b_norm, b_base, b_stem, t_spans, b_spans) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      rowid,
      ...termValues,
      spansToBlob(t.spans),
      spansToBlob(b.spans),
    );
    this.run('INSERT INTO doc_fts (rowid, t_norm, t_base, t_stem, b_norm, b_base, b_stem) VALUES (?, ?, ?, ?, ?, ?, ?)', rowid, ...termValues);
    if (doc.signature) {
      bandKeys(doc.signature).forEach((value, band) =>
        this.run('INSERT OR IGNORE INTO minhash_bands (band, value, document) VALUES (?, ?, ?)', band, value, rowid),
      );
    }
    const writeTopics = (kind: string, list: { label: string; score: number }[] | undefined): void => {
      [...(list ?? [])]
        .sort((x, y) => y.score - x.score)
        .forEach((tp, rank) =>
          this.run('INSERT OR IGNORE INTO doc_topics (document, kind, label, score, rank) VALUES (?, ?, ?, ?, ?)', rowid, kind, tp.label, tp.score, rank),
        );
    };
    writeTopics('topic', doc.analysis.topics);
    writeTopics('theme', doc.analysis.themes);
    const globalIds = this.writeEntities(rowid, doc.analysis, doc.published);
    this.writeQuotes(rowid, doc.analysis, doc.bodyTerms, globalIds);
    this.writeEvents(rowid, doc.analysis, globalIds);
    return { status: 'inserted', id: doc.id, ...(near ? { nearDuplicateOf: near.id } : {}) };
  }

  private readonly keyLookup: EntityKeyLookup = {
    find: (kind: EntityKeyKind, type: EntityType, key: string): number[] =>
      this.all<{ entity: number }>('SELECT entity FROM entity_keys WHERE kind = ? AND type = ? AND key = ?', kind, type, key).map((r) => r.entity),
    isSurnameOnly: (entity: number): boolean => {
      const row = this.get<{ name: string }>('SELECT name FROM entities WHERE rowid = ?', entity);
      return row !== undefined && !nameKey(normalize(row.name)).includes(' ');
    },
  };

  private addKey(kind: EntityKeyKind, type: EntityType, key: string, entity: number): void {
    this.run('INSERT OR IGNORE INTO entity_keys (kind, type, key, entity) VALUES (?, ?, ?, ?)', kind, type, key, entity);
  }

  /** Links each article entity to a corpus entity; returns local id → corpus row id. */
  private writeEntities(document: number, analysis: AnalyzedDocument, published: string | null): Map<string, number> {
    const ids = new Map<string, number>();
    for (const entity of analysis.entities ?? []) {
      const keys = entityKeys(entity, normalize);
      if (!keys) continue;
      const decision = decideLink(keys, this.keyLookup);
      let global: number;
      if (decision.action === 'link') {
        global = decision.entity;
        if (decision.upgradeName) this.run('UPDATE entities SET name = ? WHERE rowid = ?', entity.name, global);
      } else {
        global = Number(this.run('INSERT INTO entities (type, name) VALUES (?, ?)', keys.type, entity.name).lastInsertRowid);
      }
      ids.set(entity.id, global);
      this.addKey('name', keys.type, keys.key, global);
      this.addKey('loose', keys.type, keys.loose, global);
      if (keys.surname) this.addKey('surname', keys.type, keys.surname, global);
      for (const a of keys.aliases) this.addKey('alias', keys.type, a, global);
      for (const alias of [keys.key, ...keys.aliases]) {
        this.run('INSERT INTO entity_aliases (entity, alias, count) VALUES (?, ?, 1) ON CONFLICT (entity, alias) DO UPDATE SET count = count + 1', global, alias);
      }
      this.writeMentions(document, global, entity);
      const already = this.get('SELECT 1 FROM doc_entities WHERE document = ? AND entity = ?', document, global);
      this.run(
        'INSERT INTO doc_entities (document, local_id, entity, name, mention_count, roles) VALUES (?, ?, ?, ?, ?, ?)',
        document,
        entity.id,
        global,
        entity.name,
        entity.mentions.length,
        entity.roles && entity.roles.length > 0 ? JSON.stringify(entity.roles) : null,
      );
      this.run(
        `UPDATE entities SET doc_count = doc_count + ?, mention_count = mention_count + ?,
           first_seen = CASE WHEN ? IS NULL THEN first_seen WHEN first_seen IS NULL OR ? < first_seen THEN ? ELSE first_seen END,
           last_seen = CASE WHEN ? IS NULL THEN last_seen WHEN last_seen IS NULL OR ? > last_seen THEN ? ELSE last_seen END
         WHERE rowid = ?`,
        already ? 0 : 1,
        entity.mentions.length,
        published,
        published,
        published,
        published,
        published,
        published,
        global,
      );
    }
    return ids;
  }

  private writeMentions(document: number, entity: number, e: Entity): void {
    for (const m of e.mentions) {
      this.run('INSERT INTO mentions (document, entity, start, end, text, via) VALUES (?, ?, ?, ?, ?, ?)', document, entity, m.start, m.end, m.text, m.via ?? null);
    }
  }

  private writeQuotes(document: number, analysis: AnalyzedDocument, terms: IndexTerms, ids: Map<string, number>): void {
    for (const q of analysis.quotes ?? []) {
      const speaker = q.speaker !== null ? (ids.get(q.speaker) ?? null) : null;
      const info = this.run(
        'INSERT INTO quotes (document, speaker, speaker_text, cue, kind, text, start, end) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        document,
        speaker,
        q.speakerText,
        q.cue,
        q.kind,
        q.text,
        q.start,
        q.end,
      );
      const norm: string[] = [];
      const base: string[] = [];
      const stem: string[] = [];
      for (let i = 0; i < terms.norm.length; i++) {
        if (terms.spans[2 * i] >= q.start && terms.spans[2 * i + 1] <= q.end) {
          norm.push(terms.norm[i]);
          base.push(terms.base[i]);
          stem.push(terms.stem[i]);
        }
      }
      const rowid = Number(info.lastInsertRowid);
      const values: Param[] = [norm.join(' '), base.join(' '), stem.join(' ')];
      this.run('INSERT INTO quote_terms (rowid, q_norm, q_base, q_stem) VALUES (?, ?, ?, ?)', rowid, ...values);
      this.run('INSERT INTO quote_fts (rowid, q_norm, q_base, q_stem) VALUES (?, ?, ?, ?)', rowid, ...values);
    }
  }

  private writeEvents(document: number, analysis: AnalyzedDocument, ids: Map<string, number>): void {
    for (const e of analysis.events ?? []) {
      const info = this.run(
        `INSERT INTO events (document, type, cameo, trigger_text, trigger_start, trigger_end, modality, time_text, time_date, sentence)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        document,
        e.type,
        e.cameo,
        e.trigger.text,
        e.trigger.start,
        e.trigger.end,
        e.modality ?? null,
        e.time?.text ?? null,
        e.time?.date ?? null,
        e.sentence,
      );
      const event = Number(info.lastInsertRowid);
      for (const p of e.participants) {
        const entity = ids.get(p.entity);
        if (entity !== undefined) this.run('INSERT OR IGNORE INTO event_participants (event, entity, role) VALUES (?, ?, ?)', event, entity, p.role);
      }
    }
  }

  /** Removes a document and everything derived from it, keeping entity counts right. */
  private deleteRow(rowid: number): void {
    const terms = this.get<Row>('SELECT t_norm, t_base, t_stem, b_norm, b_base, b_stem FROM doc_terms WHERE rowid = ?', rowid);
    if (terms) {
      this.run(
        `INSERT INTO doc_fts (doc_fts, rowid, t_norm, t_base, t_stem, b_norm, b_base, b_stem) VALUES ('delete', ?, ?, ?, ?, ?, ?, ?)`,
        rowid,
        terms.t_norm as string,
        terms.t_base as string,
        terms.t_stem as string,
        terms.b_norm as string,
        terms.b_base as string,
        terms.b_stem as string,
      );
    }
    for (const q of this.all<Row>('SELECT t.rowid, t.q_norm, t.q_base, t.q_stem FROM quote_terms t JOIN quotes q ON q.rowid = t.rowid WHERE q.document = ?', rowid)) {
      this.run(
        `INSERT INTO quote_fts (quote_fts, rowid, q_norm, q_base, q_stem) VALUES ('delete', ?, ?, ?, ?)`,
        q.rowid as number,
        q.q_norm as string,
        q.q_base as string,
        q.q_stem as string,
      );
    }
    for (const r of this.all<{ entity: number; n: number; docs: number }>(
      'SELECT entity, sum(mention_count) AS n, 1 AS docs FROM doc_entities WHERE document = ? GROUP BY entity',
      rowid,
    )) {
      this.run('UPDATE entities SET doc_count = max(0, doc_count - 1), mention_count = max(0, mention_count - ?) WHERE rowid = ?', r.n, r.entity);
    }
    this.run('DELETE FROM event_participants WHERE event IN (SELECT rowid FROM events WHERE document = ?)', rowid);
    this.run('DELETE FROM mentions WHERE document = ?', rowid);
    this.run('DELETE FROM doc_entities WHERE document = ?', rowid);
    this.run('DELETE FROM documents WHERE rowid = ?', rowid);
  }

  deleteDocument(id: string): boolean {
    const row = this.get<{ rowid: number }>('SELECT rowid FROM documents WHERE id = ?', id);
    if (!row) return false;
    this.db.transaction(() => this.deleteRow(row.rowid))();
    return true;
  }

  getDocument(id: string, options: { analysis?: boolean } = {}): StoredDocument | undefined {
    const row = this.get<Row>(`SELECT * FROM documents WHERE id = ?`, id);
    if (!row) return undefined;
    const rowid = row.rowid as number;
    const near = row.near_dup_of !== null ? this.get<{ id: string }>('SELECT id FROM documents WHERE rowid = ?', row.near_dup_of as number) : undefined;
    // Arrival order: rows from before ingest times were kept (null, sorted first) came earliest.
    const duplicates = this.all<{ source_key: string; source: string | null; url: string | null; title: string | null; published: string | null; ingested_at: string | null }>(
      'SELECT source_key, source, url, title, published, ingested_at FROM source_aliases WHERE document = ? ORDER BY ingested_at, source_key',
      rowid,
    ).map(
      (r): DuplicateCopy => ({ sourceKey: r.source_key, source: r.source, url: r.url, title: r.title, published: r.published, ingestedAt: r.ingested_at }),
    );
    const doc: StoredDocument = {
      id: row.id as string,
      title: (row.title as string | null) ?? null,
      source: (row.source as string | null) ?? null,
      sourceId: (row.source_id as string | null) ?? null,
      url: (row.url as string | null) ?? null,
      published: (row.published as string | null) ?? null,
      lang: row.lang as string,
      text: row.text as string,
      contentHash: row.content_hash as string,
      wordCount: row.word_count as number,
      topic: (row.topic as string | null) ?? null,
      nearDuplicateOf: near?.id ?? null,
      nearDuplicates: this.all<{ id: string }>('SELECT id FROM documents WHERE near_dup_of = ? ORDER BY rowid', rowid).map((r) => r.id),
      aliases: duplicates.map((d) => d.sourceKey),
      duplicates,
      ingestedAt: row.ingested_at as string,
      schemaVersion: row.schema_version as number,
      analyzer: (row.analyzer as string) === '' ? [] : (row.analyzer as string).split(','),
      meta: row.meta ? (JSON.parse(row.meta as string) as Record<string, unknown>) : null,
    };
    if (options.analysis) doc.analysis = decodeAnalysis(row.analysis as Buffer, doc.text, row.analysis_codec as string);
    return doc;
  }

  private filters(req: SearchRequest, alias = 'd'): Where {
    const where: Where = { sql: [], params: [] };
    const inList = (column: string, values: string[]): void => {
      where.sql.push(`${column} IN (${values.map(() => '?').join(', ')})`);
      where.params.push(...values);
    };
    if (req.from) {
      where.sql.push(`${alias}.published >= ?`);
      where.params.push(checkDate(req.from));
    }
    if (req.to) {
      where.sql.push(`${alias}.published < ?`);
      where.params.push(nextDay(checkDate(req.to)));
    }
    if (req.source && req.source.length > 0) inList(`${alias}.source`, req.source);
    if (req.topic && req.topic.length > 0) inList(`${alias}.topic`, req.topic);
    for (const id of req.entity ?? []) {
      where.sql.push(`${alias}.rowid IN (SELECT document FROM doc_entities WHERE entity = ?)`);
      where.params.push(entityRowid(id) ?? -1);
    }
    if (req.eventType && req.eventType.length > 0) {
      const alts = req.eventType.map(() => '(type = ? OR cameo LIKE ?)').join(' OR ');
      where.sql.push(`${alias}.rowid IN (SELECT document FROM events WHERE ${alts})`);
      for (const t of req.eventType) where.params.push(t, `${t.replace(/[%_]/g, '')}%`);
    }
    if (req.collapseDuplicates !== false) where.sql.push(`${alias}.near_dup_of IS NULL`);
    return where;
  }

  search(req: SearchRequest, query: AnalyzedQuery | undefined): SearchResponse {
    const limit = clampLimit(req.limit, 10);
    const offset = clampOffset(req.offset);
    const where = this.filters(req);
    const requested = req.mode ?? 'auto';
    let mode: MatchMode = requested === 'any' ? 'any' : 'all';
    const columns = DOC_COLUMNS[req.in ?? 'all'];
    const proximity = req.proximity ?? false;
    let match = query ? toFtsMatch(query, columns, { mode, proximity }) : undefined;
    let from: string;
    let params: Param[];
    const conditions = (): string => (where.sql.length ? ` AND ${where.sql.join(' AND ')}` : '');
    const build = (): void => {
      if (match !== undefined) {
        from = `FROM doc_fts JOIN documents d ON d.rowid = doc_fts.rowid WHERE doc_fts MATCH ?${conditions()}`;
        params = [match, ...where.params];
      } else {
        from = `FROM documents d${where.sql.length ? ` WHERE ${where.sql.join(' AND ')}` : ''}`;
        params = [...where.params];
      }
    };
    build();
    let total = (this.get<{ n: number }>(`SELECT count(*) AS n ${from!}`, ...params!) ?? { n: 0 }).n;
    let relaxed = false;
    if (total === 0 && requested === 'auto' && query && query.clauses.length > 1) {
      mode = 'any';
      relaxed = true;
      match = toFtsMatch(query, columns, { mode, proximity });
      build();
      total = (this.get<{ n: number }>(`SELECT count(*) AS n ${from!}`, ...params!) ?? { n: 0 }).n;
    }
    const [wt, wb] = [this.weights.title, this.weights.body];
    const scoreExpr = match !== undefined ? `-bm25(doc_fts, ${[...wt, ...wb].join(', ')})` : '0';
    const order = match !== undefined && req.sort !== 'date' ? 'score DESC, d.rowid' : 'd.published DESC, d.rowid DESC';
    // Rank on row ids and scores only, then read the page's documents: selecting the texts in
    // the ranking query would load every match's text before sorting.
    const ranking = `SELECT d.rowid AS rowid, ${scoreExpr} AS score ${from!} ORDER BY ${order}`;
    const page = (n: number, skip: number): Row[] =>
      this.stmt(
        `SELECT p.score, d.rowid, d.id, d.title, d.source, d.url, d.published, d.topic, d.text FROM
           (${ranking} LIMIT ? OFFSET ?) p
         JOIN documents d ON d.rowid = p.rowid ORDER BY ${order.replace('score', 'p.score')}`,
      ).all(...params!, n, skip) as Row[];
    // A query that may be a pasted headline is ranked on the best HEADLINE_WINDOW matches' ids
    // and scores, reordered, and only the page's documents are read.
    const titlesSearched = (req.in ?? 'all') !== 'body';
    const whole = titlesSearched && match !== undefined && req.sort !== 'date' && offset + limit <= HEADLINE_WINDOW ? query?.whole : undefined;
    let rows: Row[];
    if (whole === undefined) rows = page(limit, offset);
    else {
      const ranked = this.stmt(`${ranking} LIMIT ?`).all(...params!, HEADLINE_WINDOW) as Row[];
      const doc = this.stmt('SELECT rowid, id, title, source, url, published, topic, text FROM documents WHERE rowid = ?');
      rows = this.headlinesFirst(ranked, whole)
        .slice(offset, offset + limit)
        .map((r) => ({ ...(doc.get(r.rowid as number) as Row), score: r.score }));
    }
    const results: SearchHit[] = rows.map((r) => this.hit(r, query, req.snippetTokens));
    const response: SearchResponse = { total, offset, limit, mode, relaxed, results };
    if (req.facets && req.facets.length > 0) response.facets = this.facets(req.facets, from!, params!);
    return response;
  }

  /**
   * Moves the ranked rows whose title (or an exact duplicate's title) is the whole query to
   * the front, keeping BM25 order otherwise. BM25 alone can put a longer headline with the
   * same words, or one whose body repeats them more, above the article a user pasted the
   * headline of.
   */
  private headlinesFirst(rows: Row[], whole: string): Row[] {
    const isHeadline = (r: Row): boolean => {
      const t = this.get<{ t_norm: string }>('SELECT t_norm FROM doc_terms WHERE rowid = ?', r.rowid as number);
      return t !== undefined && titlesOf(t.t_norm).includes(whole);
    };
    const first: Row[] = [];
    const rest: Row[] = [];
    for (const r of rows) (isHeadline(r) ? first : rest).push(r);
    return first.length === 0 ? rows : [...first, ...rest];
  }

  private hit(r: Row, query: AnalyzedQuery | undefined, snippetTokens: number | undefined): SearchHit {
    const rowid = r.rowid as number;
    const t = this.get<Row>('SELECT * FROM doc_terms WHERE rowid = ?', rowid);
    const text = r.text as string;
    let snippet;
    let titleHighlights: Span[] = [];
    if (t) {
      const body = termsFromRow(t.b_norm as string, t.b_base as string, t.b_stem as string, t.b_spans as Buffer);
      const title = storedTitleTerms(termsFromRow(t.t_norm as string, t.t_base as string, t.t_stem as string, t.t_spans as Buffer));
      const bodyRuns = query ? matchPositions(query, body) : [];
      snippet = buildSnippet(text, body, bodyRuns, { windowTokens: snippetTokens });
      titleHighlights = query ? highlightAll(title, matchPositions(query, title)) : [];
    } else {
      snippet = buildSnippet(text, { norm: [], base: [], stem: [], spans: [] }, []);
    }
    const dups = this.get<{ n: number }>('SELECT count(*) AS n FROM documents WHERE near_dup_of = ?', rowid)?.n ?? 0;
    return {
      id: r.id as string,
      title: (r.title as string | null) ?? null,
      source: (r.source as string | null) ?? null,
      url: (r.url as string | null) ?? null,
      published: (r.published as string | null) ?? null,
      topic: (r.topic as string | null) ?? null,
      score: Number((r.score as number).toPrecision(6)),
      snippet,
      titleHighlights,
      nearDuplicates: dups,
    };
  }

  /** Facet counts over every match, from one temporary table of matching rows. */
  private facets(names: FacetName[], from: string, params: Param[]): Facets {
    this.db.exec('CREATE TEMP TABLE IF NOT EXISTS search_hits (rowid INTEGER PRIMARY KEY)');
    this.stmt('DELETE FROM temp.search_hits').run();
    this.stmt(`INSERT INTO temp.search_hits SELECT d.rowid ${from}`).run(...params);
    const out: Facets = {};
    const counts = (sql: string): FacetCount[] => this.all<{ value: string; count: number }>(sql).map((r) => ({ value: String(r.value), count: r.count }));
    for (const name of new Set(names)) {
      if (name === 'source') {
        out.source = counts(
          'SELECT d.source AS value, count(*) AS count FROM temp.search_hits h JOIN documents d ON d.rowid = h.rowid WHERE d.source IS NOT NULL GROUP BY d.source ORDER BY count DESC, value LIMIT 50',
        );
      } else if (name === 'topic') {
        out.topic = counts(
          'SELECT d.topic AS value, count(*) AS count FROM temp.search_hits h JOIN documents d ON d.rowid = h.rowid WHERE d.topic IS NOT NULL GROUP BY d.topic ORDER BY count DESC, value LIMIT 50',
        );
      } else if (name === 'date') {
        out.date = counts(
          'SELECT substr(d.published, 1, 7) AS value, count(*) AS count FROM temp.search_hits h JOIN documents d ON d.rowid = h.rowid WHERE d.published IS NOT NULL GROUP BY value ORDER BY value',
        );
      } else if (name === 'entity') {
        out.entity = this.all<{ entity: number; count: number; name: string; type: string }>(
          `SELECT x.entity, x.count, e.name, e.type FROM (
             SELECT de.entity, count(DISTINCT de.document) AS count FROM temp.search_hits h JOIN doc_entities de ON de.document = h.rowid
             GROUP BY de.entity ORDER BY count DESC LIMIT 30) x JOIN entities e ON e.rowid = x.entity ORDER BY x.count DESC, e.name`,
        ).map((r) => ({ value: entityPublicId(r.entity), count: r.count, label: r.name, type: r.type }));
      } else if (name === 'eventType') {
        out.eventType = counts(
          'SELECT ev.type AS value, count(DISTINCT ev.document) AS count FROM temp.search_hits h JOIN events ev ON ev.document = h.rowid GROUP BY ev.type ORDER BY count DESC, value LIMIT 50',
        );
      }
    }
    return out;
  }

  private entitySummary(row: Row): EntitySummary {
    const rowid = row.rowid as number;
    return {
      id: entityPublicId(rowid),
      type: row.type as EntityType,
      name: row.name as string,
      aliases: this.all<{ alias: string }>('SELECT alias FROM entity_aliases WHERE entity = ? ORDER BY count DESC, alias LIMIT 20', rowid).map((r) => r.alias),
      documents: row.doc_count as number,
      mentions: row.mention_count as number,
      firstSeen: (row.first_seen as string | null) ?? null,
      lastSeen: (row.last_seen as string | null) ?? null,
    };
  }

  findEntities(text: string, options: { type?: EntityType; limit?: number; offset?: number } = {}): Page<EntitySummary> {
    const limit = clampLimit(options.limit, 20);
    const offset = clampOffset(options.offset);
    const key = nameKey(normalize(text));
    const where: string[] = ['e.doc_count > 0'];
    const params: Param[] = [];
    if (options.type) {
      where.push('e.type = ?');
      params.push(options.type);
    }
    let rank = 'e.doc_count DESC, e.rowid';
    const rankParams: Param[] = [];
    if (key !== '') {
      const like = `%${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      where.push(`e.rowid IN (SELECT entity FROM entity_aliases WHERE alias LIKE ? ESCAPE '\\')`);
      params.push(like);
      // Exact names first, then names that start with the text, then the most documented.
      rank = `(SELECT min(CASE WHEN alias = ? THEN 0 WHEN alias LIKE ? ESCAPE '\\' THEN 1 ELSE 2 END) FROM entity_aliases WHERE entity = e.rowid), e.doc_count DESC, e.rowid`;
      rankParams.push(key, `${key.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    const whereSql = where.join(' AND ');
    const total = this.get<{ n: number }>(`SELECT count(*) AS n FROM entities e WHERE ${whereSql}`, ...params)?.n ?? 0;
    const rows = this.all<Row>(`SELECT e.* FROM entities e WHERE ${whereSql} ORDER BY ${rank} LIMIT ? OFFSET ?`, ...params, ...rankParams, limit, offset);
    return { total, offset, limit, items: rows.map((r) => this.entitySummary(r)) };
  }

  getEntity(id: string, options: { granularity?: 'day' | 'month'; limit?: number } = {}): EntityProfile | undefined {
    const rowid = entityRowid(id);
    if (rowid === undefined) return undefined;
    const row = this.get<Row>('SELECT * FROM entities WHERE rowid = ?', rowid);
    if (!row) return undefined;
    const limit = clampLimit(options.limit, 20);
    const roles = new Map<string, RoleCount>();
    for (const r of this.all<{ roles: string }>('SELECT roles FROM doc_entities WHERE entity = ? AND roles IS NOT NULL', rowid)) {
      for (const role of JSON.parse(r.roles) as Role[]) {
        const k = JSON.stringify([role.title, role.country ?? '', role.org ?? '']);
        const known = roles.get(k);
        if (known) known.count++;
        else roles.set(k, { ...role, count: 1 });
      }
    }
    const width = options.granularity === 'day' ? 10 : 7;
    const timeline = this.all<TimelinePoint>(
      `SELECT substr(d.published, 1, ${width}) AS period, count(*) AS mentions, count(DISTINCT m.document) AS documents
       FROM mentions m JOIN documents d ON d.rowid = m.document WHERE m.entity = ? AND d.published IS NOT NULL GROUP BY period ORDER BY period`,
      rowid,
    );
    const cooccurring: Cooccurrence[] = this.all<{ entity: number; documents: number; name: string; type: EntityType }>(
      `SELECT x.entity, x.documents, e.name, e.type FROM (
         SELECT o.entity, count(DISTINCT o.document) AS documents FROM doc_entities me
         JOIN doc_entities o ON o.document = me.document AND o.entity != me.entity
         WHERE me.entity = ? GROUP BY o.entity ORDER BY documents DESC LIMIT ?) x JOIN entities e ON e.rowid = x.entity
       ORDER BY x.documents DESC, e.name`,
      rowid,
      limit,
    ).map((r) => ({ entity: { id: entityPublicId(r.entity), type: r.type, name: r.name }, documents: r.documents }));
    return {
      ...this.entitySummary(row),
      roles: [...roles.values()].sort((a, b) => b.count - a.count),
      timeline,
      quotes: this.quotes({ speaker: [id], limit }).items,
      cooccurring,
      events: this.eventsInvolving(rowid, limit),
    };
  }

  private entityRef(rowid: number | null): Pick<EntitySummary, 'id' | 'type' | 'name'> | null {
    if (rowid === null) return null;
    const e = this.get<{ type: EntityType; name: string }>('SELECT type, name FROM entities WHERE rowid = ?', rowid);
    return e ? { id: entityPublicId(rowid), type: e.type, name: e.name } : null;
  }

  quotes(query: QuoteQuery): Page<QuoteRecord> {
    const limit = clampLimit(query.limit, 20);
    const offset = clampOffset(query.offset);
    const where: string[] = [];
    const params: Param[] = [];
    let from = 'FROM quotes q JOIN documents d ON d.rowid = q.document';
    const match = query.query ? toFtsMatch(query.query, QUOTE_COLUMNS, 'all') : undefined;
    if (match !== undefined) {
      from = 'FROM quote_fts JOIN quotes q ON q.rowid = quote_fts.rowid JOIN documents d ON d.rowid = q.document';
      where.push('quote_fts MATCH ?');
      params.push(match);
    }
    if (query.speaker && query.speaker.length > 0) {
      where.push(`q.speaker IN (${query.speaker.map(() => '?').join(', ')})`);
      params.push(...query.speaker.map((s) => entityRowid(s) ?? -1));
    }
    if (query.from) {
      where.push('d.published >= ?');
      params.push(checkDate(query.from));
    }
    if (query.to) {
      where.push('d.published < ?');
      params.push(nextDay(checkDate(query.to)));
    }
    const whereSql = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const total = this.get<{ n: number }>(`SELECT count(*) AS n ${from}${whereSql}`, ...params)?.n ?? 0;
    const rows = this.stmt(
      `SELECT q.*, d.id AS doc_id, d.title AS doc_title, d.published ${from}${whereSql} ORDER BY d.published DESC, q.rowid LIMIT ? OFFSET ?`,
    ).all(...params, limit, offset) as Row[];
    return {
      total,
      offset,
      limit,
      items: rows.map((r) => ({
        id: r.rowid as number,
        documentId: r.doc_id as string,
        documentTitle: (r.doc_title as string | null) ?? null,
        published: (r.published as string | null) ?? null,
        speaker: this.entityRef((r.speaker as number | null) ?? null),
        speakerText: (r.speaker_text as string | null) ?? null,
        cue: r.cue as string,
        kind: r.kind as 'direct' | 'indirect',
        text: r.text as string,
        start: r.start as number,
        end: r.end as number,
      })),
    };
  }

  private eventRecords(rows: Row[]): EventRecord[] {
    return rows.map((r) => ({
      id: r.rowid as number,
      documentId: r.doc_id as string,
      documentTitle: (r.doc_title as string | null) ?? null,
      published: (r.published as string | null) ?? null,
      type: r.type as string,
      cameo: r.cameo as string,
      trigger: { text: r.trigger_text as string, start: r.trigger_start as number, end: r.trigger_end as number },
      modality: (r.modality as string | null) ?? null,
      time: r.time_text !== null ? { text: r.time_text as string, date: (r.time_date as string | null) ?? null } : null,
      participants: this.all<{ entity: number; role: 'actor' | 'target' | 'place' }>(
        'SELECT entity, role FROM event_participants WHERE event = ? ORDER BY role',
        r.rowid as number,
      ).flatMap((p) => {
        const entity = this.entityRef(p.entity);
        return entity ? [{ entity, role: p.role }] : [];
      }),
    }));
  }

  private eventsInvolving(entity: number, limit: number): EventRecord[] {
    return this.eventRecords(
      this.all<Row>(
        `SELECT e.*, d.id AS doc_id, d.title AS doc_title, d.published FROM events e JOIN documents d ON d.rowid = e.document
         WHERE e.rowid IN (SELECT event FROM event_participants WHERE entity = ?) ORDER BY d.published DESC, e.rowid LIMIT ?`,
        entity,
        limit,
      ),
    );
  }

  events(query: EventQuery): Page<EventRecord> {
    const limit = clampLimit(query.limit, 20);
    const offset = clampOffset(query.offset);
    const where: string[] = [];
    const params: Param[] = [];
    if (query.type && query.type.length > 0) {
      where.push(`(${query.type.map(() => '(e.type = ? OR e.cameo LIKE ?)').join(' OR ')})`);
      for (const t of query.type) params.push(t, `${t.replace(/[%_]/g, '')}%`);
    }
    for (const [role, ids] of [
      ['actor', query.actor],
      ['target', query.target],
    ] as const) {
      if (!ids || ids.length === 0) continue;
      where.push(`e.rowid IN (SELECT event FROM event_participants WHERE role = ? AND entity IN (${ids.map(() => '?').join(', ')}))`);
      params.push(role, ...ids.map((s) => entityRowid(s) ?? -1));
    }
    const day = `coalesce(e.time_date, substr(d.published, 1, 10))`;
    if (query.from) {
      where.push(`${day} >= ?`);
      params.push(checkDate(query.from));
    }
    if (query.to) {
      where.push(`${day} <= ?`);
      params.push(checkDate(query.to));
    }
    const whereSql = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const from = 'FROM events e JOIN documents d ON d.rowid = e.document';
    const total = this.get<{ n: number }>(`SELECT count(*) AS n ${from}${whereSql}`, ...params)?.n ?? 0;
    const rows = this.stmt(
      `SELECT e.*, d.id AS doc_id, d.title AS doc_title, d.published ${from}${whereSql} ORDER BY ${day} DESC, e.rowid LIMIT ? OFFSET ?`,
    ).all(...params, limit, offset) as Row[];
    return { total, offset, limit, items: this.eventRecords(rows) };
  }

  stats(): StoreStats {
    const n = (sql: string): number => this.get<{ n: number }>(sql)?.n ?? 0;
    return {
      documents: n('SELECT count(*) AS n FROM documents'),
      nearDuplicates: n('SELECT count(*) AS n FROM documents WHERE near_dup_of IS NOT NULL'),
      entities: n('SELECT count(*) AS n FROM entities WHERE doc_count > 0'),
      quotes: n('SELECT count(*) AS n FROM quotes'),
      events: n('SELECT count(*) AS n FROM events'),
      schemaVersion: this.db.pragma('user_version', { simple: true }) as number,
    };
  }

  getFetchValidator(url: string): FetchValidator | undefined {
    const r = this.get<Row>('SELECT * FROM fetch_validators WHERE url = ?', url);
    return r
      ? { url, etag: (r.etag as string | null) ?? null, lastModified: (r.last_modified as string | null) ?? null, fetchedAt: r.fetched_at as string }
      : undefined;
  }

  setFetchValidator(v: FetchValidator): void {
    this.run(
      `INSERT INTO fetch_validators (url, etag, last_modified, fetched_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, fetched_at = excluded.fetched_at`,
      v.url,
      v.etag,
      v.lastModified,
      v.fetchedAt,
    );
  }

  /** Checks the SQLite file and the full-text indexes; throws on corruption. */
  checkIntegrity(): void {
    const result = this.db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new MarsadError('INTERNAL', `SQLite integrity check failed: ${String(result)}`);
    this.db.exec(`INSERT INTO doc_fts (doc_fts, rank) VALUES ('integrity-check', 1)`);
    this.db.exec(`INSERT INTO quote_fts (quote_fts, rank) VALUES ('integrity-check', 1)`);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

/**
 * Opens (creating when missing) the SQLite store at `path` (default `./var/marsad.db`), in
 * WAL mode with foreign keys on, and migrates it to the latest schema. `:memory:` works for tests.
 */
export function openSqliteStore(path: string = DEFAULT_DB_PATH, options: SqliteStoreOptions = {}): SqliteCorpusStore {
  const memory = path === ':memory:';
  const full = memory ? path : resolve(path);
  if (!memory && !options.readonly) mkdirSync(dirname(full), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(full, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  } catch (e) {
    throw new MarsadError('FILE_NOT_FOUND', `Cannot open the database at ${full}: ${(e as Error).message}`, { path: full });
  }
  if (!options.readonly) {
    db.pragma('journal_mode = WAL');
    // NORMAL is durable against process crashes (kill -9) in WAL mode; only an OS crash or
    // power loss can drop the last transactions, never corrupt the file.
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma(`cache_size = ${-1024 * (options.cacheMiB ?? 64)}`);
  db.pragma('temp_store = MEMORY');
  if (!options.readonly) migrate(db);
  else if ((db.pragma('user_version', { simple: true }) as number) > LATEST_SCHEMA_VERSION) {
    db.close();
    throw new MarsadError('INVALID_ARGUMENT', `The database at ${full} is newer than this Marsad.`);
  }
  return new SqliteCorpusStore(db, full, options);
}
