/**
 * Prints the weight of the web UI's first load, gzipped, fonts excluded (issue 7: ≤ 300 KB).
 *
 * The first load is what `web/dist/index.html` pulls in before any user action: the HTML,
 * its entry scripts and stylesheets and the modules they import statically (followed
 * recursively). Chunks reached only by `import()` (the chart library) load later and are
 * listed apart. Fonts are excluded as the issue says; they are listed too, for the record.
 *
 * Usage: `npm run weight` (after `npm run build`). `--json` prints JSON. Exits 1 over budget.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET = 300 * 1024;
const dist = resolve(dirname(fileURLToPath(import.meta.url)), '../web/dist');

/** Size of a file and of its gzip (level 9, as a static server would precompress). */
function sizes(path: string): { raw: number; gzip: number } {
  const data = readFileSync(path);
  return { raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
}

/** Static imports of an ES module chunk (`import … from "./x.js"` and bare `import "./x.js"`). */
function staticImports(code: string): string[] {
  const found = new Set<string>();
  for (const m of code.matchAll(/(?:^|[;\s}])import\s*(?:[\w*${}\s,]+from\s*)?["']([^"']+)["']/g)) found.add(m[1]);
  return [...found];
}

function main(): void {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) {
    console.error('web/dist/index.html is missing: run `npm run build` first.');
    process.exit(2);
  }
  const html = readFileSync(index, 'utf8');
  const first = new Set<string>();
  const queue: string[] = [];
  for (const m of html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"[^>]*>/g)) {
    const ref = m[1];
    if (/^(data:|https?:|\/\/)/.test(ref)) continue;
    const path = resolve(dist, ref.replace(/^\//, ''));
    if (existsSync(path)) queue.push(path);
  }
  while (queue.length) {
    const path = queue.pop() as string;
    if (first.has(path)) continue;
    first.add(path);
    if (path.endsWith('.js')) {
      for (const spec of staticImports(readFileSync(path, 'utf8'))) {
        if (!spec.startsWith('.')) continue;
        const next = resolve(dirname(path), spec);
        if (existsSync(next)) queue.push(next);
      }
    }
  }

  const assets = readdirSync(join(dist, 'assets')).map((f) => join(dist, 'assets', f));
  const isFont = (p: string) => /\.(woff2?|ttf|otf)$/.test(p);
  const rows = [index, ...[...first].filter((p) => p !== index)].map((p) => ({ file: p.slice(dist.length + 1), ...sizes(p) }));
  const lazy = assets.filter((p) => !first.has(p) && !isFont(p)).map((p) => ({ file: p.slice(dist.length + 1), ...sizes(p) }));
  const woff2 = assets.filter((p) => p.endsWith('.woff2')).map((p) => ({ file: p.slice(dist.length + 1), ...sizes(p) }));
  const total = rows.reduce((s, r) => s + r.gzip, 0);
  const report = {
    budgetBytes: BUDGET,
    firstLoadGzipBytes: total,
    firstLoadRawBytes: rows.reduce((s, r) => s + r.raw, 0),
    firstLoad: rows,
    lazyGzipBytes: lazy.reduce((s, r) => s + r.gzip, 0),
    lazy,
    fontsWoff2Bytes: woff2.reduce((s, r) => s + r.raw, 0),
    withinBudget: total <= BUDGET,
  };
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log('First load (gzip -9, fonts excluded):');
    for (const r of rows) console.log(`  ${r.file.padEnd(40)} ${kb(r.raw).padStart(10)} raw  ${kb(r.gzip).padStart(10)} gzip`);
    console.log(`  ${'TOTAL'.padEnd(40)} ${kb(report.firstLoadRawBytes).padStart(10)} raw  ${kb(total).padStart(10)} gzip  (budget ${kb(BUDGET)})`);
    console.log('Loaded on demand (charts):');
    for (const r of lazy) console.log(`  ${r.file.padEnd(40)} ${kb(r.raw).padStart(10)} raw  ${kb(r.gzip).padStart(10)} gzip`);
    console.log(`Fonts (woff2, excluded; the browser fetches only the faces a page uses): ${kb(report.fontsWoff2Bytes)}`);
  }
  if (!report.withinBudget) {
    console.error(`Over budget: ${total} > ${BUDGET} bytes.`);
    process.exit(1);
  }
}

main();
