/**
 * Progress of an ingest on the terminal: a bar with articles/s and the ETA when standard
 * error is a terminal (cli-progress), one plain line every few seconds otherwise (logs, CI).
 */
import cliProgress from 'cli-progress';
import type { IngestStats } from './ingest.js';

/** Receives ingest progress. */
export interface ProgressReporter {
  update(stats: IngestStats): void;
  stop(): void;
}

/** Articles handled so far: stored, skipped, duplicates and failures alike. */
function done(s: IngestStats): number {
  return s.inserted + s.updated + s.unchanged + s.duplicates + s.failed + s.skipped;
}

function rate(s: IngestStats): string {
  return s.seconds > 0 ? ((s.inserted + s.updated + s.duplicates) / s.seconds).toFixed(1) : '0.0';
}

/** A progress reporter for the terminal; `total` (when known) gives the bar and the ETA. */
export function createProgress(total: number | undefined, stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  if (stream.isTTY) {
    const format =
      total !== undefined
        ? 'ingest [{bar}] {percentage}% | {value}/{total} articles | {rate} art/s | {wps} words/s | ETA {eta_formatted} | {failed} failed'
        : 'ingest {value} articles | {rate} art/s | {wps} words/s | {failed} failed';
    const bar = new cliProgress.SingleBar(
      { format, stream, hideCursor: true, etaBuffer: 200, fps: 5, barsize: 30, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total ?? 0, 0, { rate: '0.0', wps: '0', failed: 0 });
    return {
      update(s) {
        bar.update(done(s), { rate: rate(s), wps: s.seconds > 0 ? Math.round(s.words / s.seconds) : 0, failed: s.failed });
      },
      stop() {
        bar.stop();
      },
    };
  }
  let last = 0;
  return {
    update(s) {
      if (s.seconds - last < 5) return;
      last = s.seconds;
      const eta = total !== undefined && done(s) > 0 ? Math.round(((total - done(s)) * s.seconds) / done(s)) : undefined;
      stream.write(
        `ingest: ${done(s)}${total !== undefined ? `/${total}` : ''} articles, ${rate(s)} art/s, ${s.failed} failed${eta !== undefined ? `, ETA ${eta}s` : ''}\n`,
      );
    },
    stop() {},
  };
}
