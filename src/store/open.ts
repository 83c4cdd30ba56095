/**
 * Opening the corpus for the CLI and the server: the SQLite store at `--db`, `MARSAD_DB` or
 * `./var/marsad.db` (created when missing), with the analyzer built from the models present.
 */
import type { Pipeline } from '../core/pipeline.js';
import { loadAnalyzer } from '../node/analyzer.js';
import { Corpus } from './corpus.js';
import { DEFAULT_DB_PATH, openSqliteStore, type SqliteCorpusStore } from './sqlite-store.js';

/** The database path: the given one, else `MARSAD_DB`, else `./var/marsad.db`. */
export function databasePath(path?: string): string {
  return path ?? process.env.MARSAD_DB ?? DEFAULT_DB_PATH;
}

/** Options of {@link openCorpus}. */
export interface OpenCorpusOptions {
  db?: string;
  /** The analyzer (default: `loadAnalyzer()`, every model present). */
  analyzer?: Pipeline;
}

/** Opens the store and the analyzer as one corpus. */
export function openCorpus(options: OpenCorpusOptions = {}): Corpus & { store: SqliteCorpusStore } {
  const store = openSqliteStore(databasePath(options.db));
  return new Corpus(store, options.analyzer ?? loadAnalyzer()) as Corpus & { store: SqliteCorpusStore };
}
