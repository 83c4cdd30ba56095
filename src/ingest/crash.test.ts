/**
 * The crash test: a real `marsad ingest` child process is killed with SIGKILL in the middle
 * of an ingest; a rerun must end with every article stored exactly once and the database
 * and its full-text indexes intact.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import { Corpus } from '../store/corpus.js';
import { openSqliteStore } from '../store/sqlite-store.js';
import { createTokensOnlyAnalyzer } from '../store/test-analyzer.test-util.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const N = 3000;

const CITIES = ['بغداد', 'البصرة', 'الموصل', 'أربيل', 'النجف', 'كربلاء', 'القاهرة', 'الإسكندرية', 'تونس', 'صفاقس', 'الرياض', 'جدة'];
const TOPICS = ['مشروع لتحلية المياه', 'خطة لتطوير الطرق', 'برنامج لدعم المزارعين', 'مهرجان للكتاب', 'حملة للتطعيم', 'مسابقة للشباب'];

/** A short article written from templates; the serial number makes each one unique. */
function article(i: number): string {
  const city = CITIES[i % CITIES.length];
  const topic = TOPICS[i % TOPICS.length];
  return JSON.stringify({
    id: `crash-${i}`,
    source: 'crash-test',
    title: `${topic} فى ${city} رقم ${i}`,
    date: `2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`,
    text:
      `أعلنت السلطات فى ${city} عن ${topic} يحمل الرقم ${i}، وقالت إن العمل سيبدأ الشهر المقبل. ` +
      `وأوضح المسؤول عن المشروع أن الكلفة تبلغ ${1000 + i} ألف دينار، مشددا على أهمية إشراك السكان. ` +
      `ومن المتوقع أن يستفيد من ${topic} آلاف المواطنين فى ${city} والمناطق المجاورة.`,
  });
}

let dir: string;
let jsonl: string;
let db: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'marsad-crash-'));
  jsonl = join(dir, 'articles.jsonl');
  db = join(dir, 'marsad.db');
  writeFileSync(jsonl, Array.from({ length: N }, (_, i) => article(i)).join('\n') + '\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Documents committed so far, read through a separate connection (WAL allows it during writes). */
function committed(): number {
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return (conn.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n;
    } finally {
      conn.close();
    }
  } catch {
    return 0;
  }
}

describe('kill -9 during ingest', () => {
  it('loses nothing and duplicates nothing after a rerun', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli/bin.ts'), 'ingest', jsonl, '--db', db, '--batch-size', '25', '--no-progress'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.on('exit', (code, signal) => r({ code, signal })));

    // Kill as soon as a few batches are committed: the child is then analyzing or writing the next ones.
    const deadline = Date.now() + 120_000;
    let atKill = 0;
    while (Date.now() < deadline && child.exitCode === null) {
      atKill = committed();
      if (atKill >= 100) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(child.exitCode, `the child finished before it could be killed: ${stderr}`).toBeNull();
    child.kill('SIGKILL');
    const { signal } = await exited;
    expect(signal).toBe('SIGKILL');

    const afterKill = committed();
    expect(afterKill).toBeGreaterThanOrEqual(100);
    expect(afterKill).toBeLessThan(N);

    // The database survived the kill: integrity and FTS index checks pass.
    const store = openSqliteStore(db);
    store.checkIntegrity();
    store.close();

    // Rerun to completion.
    const code = await main(['ingest', jsonl, '--db', db, '--no-progress']);
    expect(code).toBe(0);

    const reopened = openSqliteStore(db);
    try {
      reopened.checkIntegrity();
      const row = reopened.db
        .prepare('SELECT count(*) AS n, count(DISTINCT source_key) AS keys, count(DISTINCT content_hash) AS hashes FROM documents')
        .get() as { n: number; keys: number; hashes: number };
      expect(row).toEqual({ n: N, keys: N, hashes: N });
      const ids = new Set((reopened.db.prepare('SELECT source_id FROM documents').all() as { source_id: string }[]).map((r) => r.source_id));
      for (let i = 0; i < N; i++) expect(ids.has(`crash-${i}`)).toBe(true);
      const terms = reopened.db.prepare('SELECT count(*) AS n FROM doc_terms').get() as { n: number };
      expect(terms.n).toBe(N);
      // Every article is findable, once, by its unique number (the index matches the table).
      const corpus = new Corpus(reopened, createTokensOnlyAnalyzer());
      for (const i of [0, afterKill - 1, afterKill, afterKill + 1, N - 1]) {
        const r = corpus.search({ q: `"الرقم ${i}"`, collapseDuplicates: false });
        expect(r.total, `article ${i}`).toBe(1);
      }
    } finally {
      reopened.close();
    }
  }, 180_000);
});
