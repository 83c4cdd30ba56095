/**
 * Fingerprints for training caches. A cache keyed by its options alone outlives a change to
 * the code that filled it: the morphology's word clusters were once reused after the
 * normalizer's final-ى rule changed, so a retrained model silently mixed two normalizers.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every `.ts` file (tests excluded) under `path`, or `path` itself when it is a file, sorted. */
function sourceFiles(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => sourceFiles(join(path, name)))
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
}

/**
 * A short hash of the source files (and folders of them) that decide a cache's content,
 * relative to the repository root: any edit to them gives a new cache name.
 */
export function codeFingerprint(paths: readonly string[], root: string = process.cwd()): string {
  const hash = createHash('sha256');
  for (const file of paths.flatMap((p) => sourceFiles(join(root, p)))) {
    hash.update(relative(root, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 12);
}
