/**
 * Access to `../shared/data` for training and evaluation scripts. These scripts are never
 * run by `npm test`; when the data is absent they say so clearly and exit with code 2.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The shared data folder: `MARSAD_DATA` if set, else `../shared/data` from the repo root. */
export function sharedDataDir(): string {
  return resolve(process.env.MARSAD_DATA ?? join(process.cwd(), '..', 'shared', 'data'));
}

/** Resolves a path under the shared data folder, exiting with a clear message when it is missing. */
export function requireData(relative: string): string {
  const path = join(sharedDataDir(), relative);
  if (!existsSync(path)) {
    console.error(
      `Data missing: ${path} does not exist.\n` +
        'This script needs the public corpora in ../shared/data (or set MARSAD_DATA). ' +
        'See each SOURCE.md there. Unit tests (npm test) do not need them.',
    );
    process.exit(2);
  }
  return path;
}

/** True when the shared data folder (or a path under it) exists. */
export function hasData(relative = ''): boolean {
  return existsSync(join(sharedDataDir(), relative));
}

/** One record of the ANT corpus JSONL files. */
export interface AntArticle {
  id: string;
  category: string;
  source: string;
  title: string;
  abstract: string;
  text: string;
  url: string;
  date: string;
  fold: number;
}

/** Reads a JSONL file into records. */
export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as T);
}

/** Both ANT files (multi-source subset and JawharaFM), tagged with the file they came from. */
export function readAnt(): (AntArticle & { corpus: 'multisource' | 'jawharafm' })[] {
  const multi = readJsonl<AntArticle>(requireData('ant-corpus/ant_multisource_v2.1_subset.jsonl'));
  const jawhara = readJsonl<AntArticle>(requireData('ant-corpus/ant_v1.1_jawharafm.jsonl'));
  return [
    ...multi.map((a) => ({ ...a, corpus: 'multisource' as const })),
    ...jawhara.map((a) => ({ ...a, corpus: 'jawharafm' as const })),
  ];
}

/** One record of the SaudiNewsNet subset. */
export interface SaudiArticle {
  id: string;
  source: string;
  title: string;
  text: string;
  url: string;
  date_extracted: string;
}

/** The SaudiNewsNet subset. */
export function readSaudiNews(): SaudiArticle[] {
  return readJsonl<SaudiArticle>(requireData('saudinewsnet-subset/saudinewsnet_subset.jsonl'));
}
