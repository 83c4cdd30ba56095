/**
 * Counts per period (month or day) as a bar chart, drawn by uPlot (loaded on first use, so
 * pages without a chart do not pay for it). Time runs left to right in both languages, as
 * in print. The same numbers are in a table for screen readers.
 */
import { useEffect, useRef } from 'preact/hooks';
import { date, num, t } from '../i18n.js';

/** One bar. */
export interface PeriodCount {
  /** `YYYY-MM` or `YYYY-MM-DD`. */
  period: string;
  count: number;
}

/** Seconds since the epoch of the start of a period, or NaN. */
export function periodStart(period: string): number {
  const iso = /^\d{4}-\d{2}$/.test(period) ? `${period}-01` : period.slice(0, 10);
  return Date.parse(`${iso}T00:00:00Z`) / 1000;
}

/** Props of {@link TimeChart}. */
export interface TimeChartProps {
  data: PeriodCount[];
  label: string;
  /** Called with the period of a clicked bar. */
  onPick?: (period: string) => void;
  height?: number;
}

/** A bar chart over time. */
export function TimeChart({ data, label, onPick, height = 160 }: TimeChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const rows = data.filter((d) => Number.isFinite(periodStart(d.period))).sort((a, b) => periodStart(a.period) - periodStart(b.period));
  const key = JSON.stringify(rows);
  const pickRef = useRef(onPick);
  pickRef.current = onPick;

  useEffect(() => {
    const el = box.current;
    if (!el || !rows.length) return;
    let disposed = false;
    let plot: { destroy(): void; setSize(s: { width: number; height: number }): void } | undefined;
    let observer: ResizeObserver | undefined;
    void Promise.all([import('uplot'), import('uplot/dist/uPlot.min.css')]).then(([{ default: UPlot }]) => {
      if (disposed) return;
      const xs = rows.map((r) => periodStart(r.period));
      const ys = rows.map((r) => r.count);
      const monthly = rows.every((r) => r.period.length === 7);
      // Pad one period on both sides so the first and last bars are not cut in half.
      const step = xs.length > 1 ? Math.min(...xs.slice(1).map((x, i) => x - xs[i])) : monthly ? 31 * 86400 : 86400;
      const font = '12px "IBM Plex Sans Arabic", system-ui, sans-serif';
      const u = new UPlot(
        {
          width: el.clientWidth || 300,
          height,
          legend: { show: false },
          cursor: { drag: { x: false, y: false }, points: { show: false } },
          scales: { x: { time: true, range: [xs[0] - step, xs[xs.length - 1] + step] }, y: { range: (_u, _min, max) => [0, Math.max(1, max * 1.1)] } },
          axes: [
            {
              font,
              stroke: '#555',
              grid: { show: false },
              // Ticks on bars only (never a month twice), thinned to one per ~70 px.
              splits: (u) => {
                const every = Math.max(1, Math.ceil((xs.length * 70) / Math.max(1, u.width)));
                return xs.filter((_, i) => i % every === 0);
              },
              values: (_u, splits) => splits.map((s) => shortDate(s, monthly)),
            },
            { font, stroke: '#555', grid: { stroke: '#eee' }, size: 40, space: 24, values: (_u, splits) => splits.map((s) => (Number.isInteger(s) ? num(s) : '')) },
          ],
          series: [
            {},
            {
              label,
              stroke: '#0f5e5a',
              fill: 'rgba(15, 94, 90, 0.55)',
              paths: UPlot.paths.bars?.({ size: [0.8, 48], align: 0 }),
              points: { show: false },
            },
          ],
          hooks: {
            ready: [
              (u) => {
                u.over.addEventListener('click', () => {
                  const i = u.cursor.idx;
                  if (i !== null && i !== undefined && pickRef.current) pickRef.current(rows[i].period);
                });
              },
            ],
          },
        },
        [xs, ys],
        el,
      );
      plot = u;
      observer = new ResizeObserver(() => u.setSize({ width: el.clientWidth, height }));
      observer.observe(el);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      plot?.destroy();
    };
  }, [key, height]);

  if (!rows.length) return null;
  return (
    <figure class="chart" aria-label={label}>
      <div ref={box} class="chart-canvas" dir="ltr" aria-hidden="true" style={{ minHeight: `${height}px` }} />
      <details class="chart-data">
        <summary>{label}</summary>
        <table>
          <tbody>
            {rows.map((r) => (
              <tr key={r.period}>
                <th scope="row">
                  {onPick ? (
                    <button type="button" class="link" onClick={() => onPick(r.period)}>
                      {date(r.period)}
                    </button>
                  ) : (
                    date(r.period)
                  )}
                </th>
                <td>{num(r.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <figcaption class="sr-only">{t('histogram')}</figcaption>
    </figure>
  );
}

function shortDate(seconds: number, monthly: boolean): string {
  const d = new Date(seconds * 1000);
  return monthly ? `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}` : d.toISOString().slice(0, 10);
}
