/**
 * Model catalogue types, after CAMeL Tools: every trained model ships with a manifest that
 * says what it was trained on, under which licence, how to rebuild it, how well it scores,
 * and the sha256 of each file so that the loader can refuse a corrupt or stale file.
 */

/** One file of a model. Paths are relative to the model's folder. */
export interface ModelFileEntry {
  path: string;
  sha256: string;
  bytes: number;
}

/** A data set a model was trained or tuned on. */
export interface ModelDataSource {
  name: string;
  /** Where it comes from (repository or URL). */
  source: string;
  /** Commit or version of the source, when known. */
  commit?: string;
  licence: string;
  /** What part was used (e.g. "folds 0-7", "train minus last 10%"). */
  split?: string;
}

/** The manifest at `models/<name>/manifest.json`. */
export interface ModelManifest {
  name: string;
  version: string;
  description: string;
  /** Licence of the model itself; a model trained on CC BY-NC-SA data carries that licence. */
  licence: string;
  data: ModelDataSource[];
  /** The command that rebuilds the model from `../shared/data`. */
  trainCommand: string;
  /** Scores measured by the evaluation scripts, with what they were measured on. */
  scores: Record<string, unknown>;
  files: ModelFileEntry[];
  createdAt: string;
}
