/**
 * A polite, bounded HTTP(S) client for ingest: a total timeout per request, a body size
 * limit, a redirect limit (each hop re-checked), conditional requests with the ETag and
 * Last-Modified seen last time, a User-Agent that says who we are, robots.txt honoured per
 * RFC 9309, and a minimum delay between two requests to the same host.
 */
import * as robotsModule from 'robots-parser';
import { MarsadError } from '../core/errors.js';
import type { FetchValidator } from '../store/store.js';

/** The User-Agent sent with every request; robots.txt rules are matched against `Marsad`. */
export const USER_AGENT = 'Marsad/0.1 (Arabic news monitor; +https://www.npmjs.com/package/marsad)';
const ROBOTS_AGENT = 'Marsad';

/** Where conditional-request validators are remembered (the store implements it). */
export interface ValidatorCache {
  getFetchValidator(url: string): FetchValidator | undefined;
  setFetchValidator(v: FetchValidator): void;
}

/** Options of {@link Fetcher}. */
export interface FetcherOptions {
  /** Total time for one request, body included (default 15 s). */
  timeoutMs?: number;
  /** Largest body accepted (default 5 MB). */
  maxBytes?: number;
  /** Redirects followed (default 5). */
  maxRedirects?: number;
  userAgent?: string;
  /** Honour robots.txt (default true). */
  robots?: boolean;
  /** Minimum milliseconds between two requests to one host (default 1000; robots Crawl-delay raises it, up to 30 s). */
  hostDelayMs?: number;
  /** Validators for conditional requests; without it every request is unconditional. */
  validators?: ValidatorCache;
  /** The fetch implementation (tests may inject one). */
  fetch?: typeof fetch;
}

/** A fetched resource. `notModified` means the server answered 304 to our validators. */
export interface FetchResult {
  url: string;
  /** The URL after redirects. */
  finalUrl: string;
  status: number;
  notModified: boolean;
  contentType: string;
  body: string;
}

interface RobotsRules {
  isAllowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}

type RobotsParserFn = (url: string, body: string) => RobotsRules;
// robots-parser is CommonJS: under ESM its function is the namespace's default.
const robotsParser = (robotsModule as unknown as { default: RobotsParserFn }).default;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The charset named in a Content-Type header or in the first bytes of an HTML page. */
function sniffCharset(contentType: string, head: Uint8Array): string {
  const fromHeader = /charset\s*=\s*"?([\w-]+)/iu.exec(contentType)?.[1];
  if (fromHeader) return fromHeader.toLowerCase();
  const ascii = new TextDecoder('latin1').decode(head.subarray(0, 2048));
  const fromMeta = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/iu.exec(ascii)?.[1] ?? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/iu.exec(ascii)?.[1];
  return (fromMeta ?? 'utf-8').toLowerCase();
}

/** Decodes bytes in the given charset (windows-1256 is common on Arabic sites), falling back to UTF-8. */
function decode(bytes: Uint8Array, charset: string): string {
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** A bounded, polite HTTP client. */
export class Fetcher {
  private readonly options: Required<Omit<FetcherOptions, 'validators' | 'fetch'>>;
  private readonly validators?: ValidatorCache;
  private readonly doFetch: typeof fetch;
  private readonly robots = new Map<string, Promise<RobotsRules | 'disallow-all'>>();
  private readonly lastRequest = new Map<string, number>();

  constructor(options: FetcherOptions = {}) {
    this.options = {
      timeoutMs: options.timeoutMs ?? 15_000,
      maxBytes: options.maxBytes ?? 5 * 1024 * 1024,
      maxRedirects: options.maxRedirects ?? 5,
      userAgent: options.userAgent ?? USER_AGENT,
      robots: options.robots ?? true,
      hostDelayMs: options.hostDelayMs ?? 1000,
    };
    this.validators = options.validators;
    this.doFetch = options.fetch ?? fetch;
  }

  /**
   * Fetches a URL as text, following redirects.
   * @throws MarsadError `INVALID_ARGUMENT` (not http/https), `FETCH_FAILED` (network, HTTP
   *   error, robots.txt, redirects, size), `TIMEOUT`.
   */
  async get(url: string, { conditional = true }: { conditional?: boolean } = {}): Promise<FetchResult> {
    let current = this.checkUrl(url);
    const validator = conditional ? this.validators?.getFetchValidator(url) : undefined;
    for (let hop = 0; ; hop++) {
      await this.checkRobots(current);
      await this.waitForHost(current);
      const headers: Record<string, string> = {
        'user-agent': this.options.userAgent,
        accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5',
        'accept-language': 'ar,en;q=0.5',
      };
      if (validator?.etag) headers['if-none-match'] = validator.etag;
      if (validator?.lastModified) headers['if-modified-since'] = validator.lastModified;
      const res = await this.request(current, headers);
      if (res.status >= 300 && res.status < 400 && res.status !== 304) {
        const location = res.headers.get('location');
        await res.body?.cancel();
        if (!location) throw new MarsadError('FETCH_FAILED', `${current} redirected (${res.status}) without a Location.`, { url: current });
        if (hop + 1 > this.options.maxRedirects) {
          throw new MarsadError('FETCH_FAILED', `${url} redirected more than ${this.options.maxRedirects} times.`, { url });
        }
        current = this.checkUrl(new URL(location, current).toString());
        continue;
      }
      if (res.status === 304) {
        await res.body?.cancel();
        return { url, finalUrl: current, status: 304, notModified: true, contentType: '', body: '' };
      }
      if (res.status >= 400) {
        await res.body?.cancel();
        throw new MarsadError('FETCH_FAILED', `${current} answered HTTP ${res.status}.`, { url: current, status: res.status });
      }
      const bytes = await this.readBody(res, current);
      const contentType = res.headers.get('content-type') ?? '';
      const body = decode(bytes, sniffCharset(contentType, bytes));
      if (this.validators) {
        const etag = res.headers.get('etag');
        const lastModified = res.headers.get('last-modified');
        if (etag || lastModified) this.validators.setFetchValidator({ url, etag, lastModified, fetchedAt: new Date().toISOString() });
      }
      return { url, finalUrl: current, status: res.status, notModified: false, contentType, body };
    }
  }

  private checkUrl(url: string): string {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new MarsadError('INVALID_ARGUMENT', `Not a URL: ${url}`, { url });
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      throw new MarsadError('INVALID_ARGUMENT', `Only http and https URLs can be fetched, not ${parsed.protocol} (${url}).`, { url });
    }
    return parsed.toString();
  }

  private async request(url: string, headers: Record<string, string>): Promise<Response> {
    try {
      return await this.doFetch(url, { headers, redirect: 'manual', signal: AbortSignal.timeout(this.options.timeoutMs) });
    } catch (e) {
      throw this.networkError(e, url);
    }
  }

  private networkError(e: unknown, url: string): MarsadError {
    if (e instanceof MarsadError) return e;
    const name = (e as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      return new MarsadError('TIMEOUT', `${url} did not answer within ${this.options.timeoutMs} ms.`, { url });
    }
    const cause = (e as { cause?: { code?: string; message?: string } }).cause;
    return new MarsadError('FETCH_FAILED', `${url} could not be fetched: ${cause?.code ?? cause?.message ?? (e as Error).message}.`, { url });
  }

  /** Reads the body, stopping as soon as it passes the size limit. */
  private async readBody(res: Response, url: string): Promise<Uint8Array> {
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > this.options.maxBytes) {
      await res.body?.cancel();
      throw new MarsadError('INPUT_TOO_LARGE', `${url} is ${declared} bytes, over the limit of ${this.options.maxBytes}.`, { url, bytes: declared });
    }
    if (!res.body) return new Uint8Array();
    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        total += chunk.byteLength;
        if (total > this.options.maxBytes) {
          await res.body.cancel().catch(() => undefined);
          throw new MarsadError('INPUT_TOO_LARGE', `${url} is over the limit of ${this.options.maxBytes} bytes.`, { url });
        }
        chunks.push(chunk);
      }
    } catch (e) {
      throw this.networkError(e, url);
    }
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.byteLength;
    }
    return out;
  }

  /** Waits until the host's minimum delay since our last request to it has passed. */
  private async waitForHost(url: string): Promise<void> {
    const host = new URL(url).host;
    const rules = this.options.robots ? await this.robots.get(new URL(url).origin) : undefined;
    const crawlDelay = rules && rules !== 'disallow-all' ? (rules.getCrawlDelay(ROBOTS_AGENT) ?? 0) * 1000 : 0;
    const delay = Math.max(this.options.hostDelayMs, Math.min(crawlDelay, 30_000));
    const last = this.lastRequest.get(host);
    const now = Date.now();
    if (last !== undefined && now - last < delay) await sleep(delay - (now - last));
    this.lastRequest.set(host, Date.now());
  }

  /**
   * Refuses URLs that robots.txt disallows for us. Per RFC 9309: a robots.txt that does not
   * exist (4xx) allows everything; one that cannot be reached (5xx, network) disallows everything.
   */
  private async checkRobots(url: string): Promise<void> {
    if (!this.options.robots) return;
    const origin = new URL(url).origin;
    let pending = this.robots.get(origin);
    if (!pending) {
      pending = this.loadRobots(origin);
      this.robots.set(origin, pending);
    }
    const rules = await pending;
    if (rules === 'disallow-all') {
      throw new MarsadError('FETCH_FAILED', `${origin}/robots.txt could not be read, so ${url} is not fetched (RFC 9309).`, { url });
    }
    if (rules.isAllowed(url, ROBOTS_AGENT) === false) {
      throw new MarsadError('FETCH_FAILED', `robots.txt of ${origin} disallows ${url}.`, { url, robots: true });
    }
  }

  private async loadRobots(origin: string): Promise<RobotsRules | 'disallow-all'> {
    const robotsUrl = `${origin}/robots.txt`;
    let current = robotsUrl;
    try {
      for (let hop = 0; hop <= this.options.maxRedirects; hop++) {
        this.lastRequest.set(new URL(current).host, Date.now());
        const res = await this.request(current, { 'user-agent': this.options.userAgent, accept: 'text/plain' });
        if (res.status >= 300 && res.status < 400) {
          const location = res.headers.get('location');
          await res.body?.cancel();
          if (!location) break;
          current = new URL(location, current).toString();
          continue;
        }
        if (res.status >= 400 && res.status < 500) {
          await res.body?.cancel();
          return robotsParser(robotsUrl, '');
        }
        if (res.status >= 500) {
          await res.body?.cancel();
          return 'disallow-all';
        }
        const body = new TextDecoder('utf-8').decode(await this.readBody(res, current));
        return robotsParser(robotsUrl, body);
      }
      return robotsParser(robotsUrl, '');
    } catch {
      return 'disallow-all';
    }
  }
}
