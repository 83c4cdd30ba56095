/**
 * A tiny HTTP server on 127.0.0.1 for fetch and feed tests: routes map a path to a handler,
 * and every request is recorded (method, path, headers).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A recorded request. */
export interface SeenRequest {
  path: string;
  headers: IncomingMessage['headers'];
}

/** A route handler. */
export type Handler = (req: IncomingMessage, res: ServerResponse) => void;

/** Starts a server with the given routes; unknown paths answer 404. */
export async function startTestServer(routes: Record<string, Handler>): Promise<{ url: string; seen: SeenRequest[]; close: () => Promise<void> }> {
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    seen.push({ path, headers: req.headers });
    const h = routes[path];
    if (h) h(req, res);
    else {
      res.statusCode = 404;
      res.end('not found');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

/** A handler that sends a body with a content type. */
export function send(body: string | Buffer, type = 'text/html; charset=utf-8', headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(200, { 'content-type': type, ...headers });
    res.end(body);
  };
}

/** An Arabic article page written for these tests, with navigation and footer boilerplate. */
export function articlePage(title: string, paragraphs: string[], published = '2026-05-01T08:00:00Z'): string {
  return `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${title} | موقع الأخبار</title>
<meta property="og:site_name" content="موقع الأخبار"><meta property="article:published_time" content="${published}"></head>
<body><nav><a href="/">الرئيسية</a> | <a href="/s">سياسة</a> | <a href="/e">اقتصاد</a></nav>
<main><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}<script>alert("x")</script></article></main>
<footer>جميع الحقوق محفوظة</footer></body></html>`;
}
