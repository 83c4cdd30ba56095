/**
 * Loading model files from disk for Node. The core never touches the file system: it is
 * handed the bytes. Here we find the `models/` folder, read a model's manifest, and check
 * every file's sha256 before handing it over, so a corrupt or half-copied model fails with
 * a clear error instead of giving silently wrong analyses.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MarsadError } from '../core/errors.js';
import type { ModelManifest } from '../core/model/manifest.js';

/** A model read from disk: its manifest and the verified bytes of each file. */
export interface LoadedModel {
  manifest: ModelManifest;
  files: Map<string, Uint8Array>;
}

/**
 * The folder holding the committed models: `MARSAD_MODELS` if set, else `models/` at the
 * package root (found from this file, so it works from `src/` under tsx and from `dist/`).
 */
export function modelsDir(): string {
  const fromEnv = process.env.MARSAD_MODELS;
  if (fromEnv) return resolve(fromEnv);
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'models'))) return join(dir, 'models');
    dir = dirname(dir);
  }
  return resolve('models');
}

/** Hex sha256 of some bytes. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** True when the model's manifest exists. */
export function hasModel(name: string, dir = modelsDir()): boolean {
  return existsSync(join(dir, name, 'manifest.json'));
}

/**
 * Reads a model and verifies each file against the manifest.
 * @throws MarsadError `MODEL_MISSING` when the manifest or a file is absent, `MODEL_CORRUPT` on a hash mismatch.
 */
export function loadModel(name: string, dir = modelsDir()): LoadedModel {
  const manifestPath = join(dir, name, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new MarsadError('MODEL_MISSING', `Model "${name}" not found: ${manifestPath} does not exist.`, { model: name });
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ModelManifest;
  const files = new Map<string, Uint8Array>();
  for (const entry of manifest.files) {
    const path = join(dir, name, entry.path);
    if (!existsSync(path)) {
      throw new MarsadError('MODEL_MISSING', `Model "${name}" is missing its file ${entry.path}.`, { model: name, file: entry.path });
    }
    const bytes = readFileSync(path);
    const actual = sha256Hex(bytes);
    if (actual !== entry.sha256) {
      throw new MarsadError(
        'MODEL_CORRUPT',
        `Model "${name}" file ${entry.path} has sha256 ${actual}, but its manifest says ${entry.sha256}. Rebuild or re-checkout the model.`,
        { model: name, file: entry.path },
      );
    }
    files.set(entry.path, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  }
  return { manifest, files };
}
