import { afterEach, describe, expect, it } from 'vitest';
import type { FetchValidator } from '../store/store.js';
import { Fetcher, USER_AGENT } from './fetch.js';
import { send, startTestServer } from './test-server.test-util.js';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

const quick = { hostDelayMs: 0, timeoutMs: 2000 };

describe('Fetcher', () => {
  it('sends our User-Agent, reads robots.txt once per host and refuses disallowed paths', async () => {
    const s = await startTestServer({
      '/robots.txt': send('User-agent: Marsad\nDisallow: /private\n\nUser-agent: *\nDisallow: /\n', 'text/plain'),
      '/news/1': send('<p>خبر</p>'),
      '/private/2': send('<p>سر</p>'),
    });
    close = s.close;
    const f = new Fetcher(quick);
    const r = await f.get(`${s.url}/news/1`);
    expect(r).toMatchObject({ status: 200, notModified: false, body: '<p>خبر</p>' });
    await expect(f.get(`${s.url}/private/2`)).rejects.toMatchObject({ code: 'FETCH_FAILED', message: expect.stringMatching(/robots.txt/) });
    await f.get(`${s.url}/news/1`);
    expect(s.seen.filter((x) => x.path === '/robots.txt')).toHaveLength(1);
    expect(s.seen.every((x) => x.headers['user-agent'] === USER_AGENT)).toBe(true);
    expect(s.seen.some((x) => x.path === '/private/2')).toBe(false);
  });

  it('treats a missing robots.txt as allow-all and a failing one as disallow-all (RFC 9309)', async () => {
    const s = await startTestServer({ '/a': send('ok') });
    close = s.close;
    expect((await new Fetcher(quick).get(`${s.url}/a`)).body).toBe('ok');
    const failing = await startTestServer({
      '/robots.txt': (_q, res) => {
        res.statusCode = 503;
        res.end();
      },
      '/a': send('ok'),
    });
    await expect(new Fetcher(quick).get(`${failing.url}/a`)).rejects.toMatchObject({ code: 'FETCH_FAILED' });
    await failing.close();
  });

  it('follows redirects up to the limit, checking each hop', async () => {
    const redirect = (to: string) => (_q: unknown, res: import('node:http').ServerResponse) => {
      res.writeHead(302, { location: to });
      res.end();
    };
    const s = await startTestServer({ '/r1': redirect('/r2'), '/r2': redirect('/final'), '/final': send('done'), '/loop': redirect('/loop') });
    close = s.close;
    const r = await new Fetcher(quick).get(`${s.url}/r1`);
    expect(r).toMatchObject({ body: 'done', finalUrl: `${s.url}/final` });
    await expect(new Fetcher({ ...quick, maxRedirects: 1 }).get(`${s.url}/r1`)).rejects.toMatchObject({ code: 'FETCH_FAILED', message: expect.stringMatching(/redirected more than 1/) });
    await expect(new Fetcher(quick).get(`${s.url}/loop`)).rejects.toMatchObject({ code: 'FETCH_FAILED' });
  });

  it('times out a slow server', async () => {
    const s = await startTestServer({
      '/slow': (_q, res) => {
        setTimeout(() => res.end('late'), 1500);
      },
    });
    close = s.close;
    await expect(new Fetcher({ ...quick, robots: false, timeoutMs: 200 }).get(`${s.url}/slow`)).rejects.toMatchObject({ code: 'TIMEOUT' });
  });

  it('stops reading past the size limit, declared or streamed', async () => {
    const big = 'ا'.repeat(50_000);
    const s = await startTestServer({
      '/declared': send(big),
      '/streamed': (_q, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        for (let i = 0; i < 10; i++) res.write(big);
        res.end();
      },
    });
    close = s.close;
    const f = new Fetcher({ ...quick, robots: false, maxBytes: 10_000 });
    await expect(f.get(`${s.url}/declared`)).rejects.toMatchObject({ code: 'INPUT_TOO_LARGE' });
    // Chunked, so no Content-Length: stopped while streaming.
    await expect(f.get(`${s.url}/streamed`)).rejects.toMatchObject({ code: 'INPUT_TOO_LARGE' });
  });

  it('sends If-None-Match and If-Modified-Since from the last fetch and reports 304', async () => {
    const s = await startTestServer({
      '/feed': (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') {
          res.statusCode = 304;
          res.end();
          return;
        }
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Fri, 01 May 2026 08:00:00 GMT' });
        res.end('<rss/>');
      },
    });
    close = s.close;
    const saved = new Map<string, FetchValidator>();
    const f = new Fetcher({ ...quick, robots: false, validators: { getFetchValidator: (u) => saved.get(u), setFetchValidator: (v) => void saved.set(v.url, v) } });
    expect((await f.get(`${s.url}/feed`)).notModified).toBe(false);
    expect(saved.get(`${s.url}/feed`)).toMatchObject({ etag: '"v1"', lastModified: 'Fri, 01 May 2026 08:00:00 GMT' });
    expect(await f.get(`${s.url}/feed`)).toMatchObject({ status: 304, notModified: true });
    const last = s.seen[s.seen.length - 1];
    expect(last.headers['if-none-match']).toBe('"v1"');
    expect(last.headers['if-modified-since']).toBe('Fri, 01 May 2026 08:00:00 GMT');
  });

  it('decodes windows-1256 pages by their declared charset', async () => {
    // "سلام" in windows-1256.
    const s = await startTestServer({ '/cp': send(Buffer.from([0xd3, 0xe1, 0xc7, 0xe3]), 'text/html; charset=windows-1256') });
    close = s.close;
    expect((await new Fetcher({ ...quick, robots: false }).get(`${s.url}/cp`)).body).toBe('سلام');
  });

  it('refuses non-HTTP URLs and unreachable hosts with clear codes', async () => {
    const f = new Fetcher({ ...quick, robots: false });
    await expect(f.get('file:///etc/passwd')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(f.get('not a url')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(f.get('http://127.0.0.1:1/x')).rejects.toMatchObject({ code: 'FETCH_FAILED' });
  });

  it('waits between two requests to the same host', async () => {
    const s = await startTestServer({ '/a': send('a'), '/b': send('b') });
    close = s.close;
    const f = new Fetcher({ robots: false, hostDelayMs: 300 });
    const t0 = performance.now();
    await f.get(`${s.url}/a`);
    await f.get(`${s.url}/b`);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
  });
});
