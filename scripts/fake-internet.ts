/**
 * A fake internet on one loopback port, for the end-to-end tests and the demo. Chromium is started with
 * `--host-resolver-rules=MAP * 127.0.0.1:PORT`, so every hostname — real tracker hosts included — lands here, over
 * http or https (the first byte tells: 0x16 starts a TLS handshake). Pages are served by host and path; any other
 * request — on any host, since a site's own host can serve a pixel too (facebook.com/tr) — is answered like a
 * tracker endpoint would be (a pixel that sets an id cookie, a script, an empty 204). Every request is logged:
 * an independent count to compare with what the extension stored. Nothing leaves the machine.
 */
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo, createServer as createNetServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LoggedRequest {
  time: number;
  method: string;
  host: string;
  path: string;
  referer: string;
  /** The Cookie header the request carried. */
  cookie: string;
  /** Every header as received (names lower-cased by Node). */
  headers: Record<string, string | string[] | undefined>;
  /** The body's bytes as received, once the request has ended (empty for none). */
  body: Buffer;
}

/** An answer for a request the site map does not hold (a feature-flag SDK expects JSON, say); undefined: the default. */
export type Answer = (
  host: string,
  path: string,
  method: string,
) => { status?: number; type: string; body: string } | undefined;

/** host → path → page. A page is HTML, or any other content with its type (and headers of its own: a cookie). */
export type SiteMap = Record<
  string,
  Record<string, string | { type: string; body: string; headers?: Record<string, string> }>
>;

export interface FakeInternet {
  port: number;
  log: LoggedRequest[];
  /** Requests logged for these hosts (exact hostnames). */
  requestsTo(hosts: string[]): LoggedRequest[];
  /**
   * Resolves once no request has arrived for `quietMs` (rejects after `timeoutMs`): the log is then complete for a
   * page, whatever the browser's own idea of network idle (Firefox retries a request the server hung up on, and
   * WebDriver BiDi may never report it finished).
   */
  settled(quietMs?: number, timeoutMs?: number): Promise<void>;
  /**
   * The base64 SHA-256 of the test certificate's public key: Chromium's `--ignore-certificate-errors-spki-list`
   * takes it, and only then caches what it fetched (it stores nothing while it ignores a certificate error).
   */
  spki: string;
  close(): Promise<void>;
}

const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** A self-signed certificate made by openssl for `subject`, with any more `req` arguments (a subjectAltName). */
export function selfSignedCertificate(
  subject = '/CN=disclosed-test',
  more: string[] = [],
): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'disclosed-cert-'));
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', subject, ...more].concat([
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ]),
    { stdio: 'ignore' },
  );
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

export async function startFakeInternet(sites: SiteMap, port = 0, answer?: Answer): Promise<FakeInternet> {
  const log: LoggedRequest[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const url = new URL(req.url ?? '/', 'https://x');
    const entry: LoggedRequest = {
      time: Date.now(),
      method: req.method ?? 'GET',
      host,
      path: url.pathname + url.search,
      referer: String(req.headers.referer ?? ''),
      cookie: String(req.headers.cookie ?? ''),
      headers: { ...req.headers },
      body: Buffer.alloc(0),
    };
    log.push(entry);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      entry.body = Buffer.concat(chunks);
    });
    const page = sites[host]?.[url.pathname];
    const answered = page ? undefined : answer?.(host, url.pathname + url.search, req.method ?? 'GET');
    // Any origin may read the answer, with credentials too, and a preflight is granted whatever it asks: browser SDKs
    // send JSON with custom headers, and the request itself is only sent once its preflight is answered so.
    const origin = req.headers.origin;
    const headers: Record<string, string> = {
      // Nothing is cached but what asks to be: `/cached/` answers may be kept an hour.
      'cache-control': url.pathname.startsWith('/cached/') ? 'public, max-age=3600' : 'no-store',
      'access-control-allow-origin': origin ?? '*',
      ...(origin ? { 'access-control-allow-credentials': 'true', vary: 'Origin' } : {}),
    };
    const preflight = req.headers['access-control-request-headers'];
    if (req.method === 'OPTIONS') {
      headers['access-control-allow-methods'] = 'GET, POST, PUT, DELETE, OPTIONS';
      if (preflight) headers['access-control-allow-headers'] = String(preflight);
    }
    const redirectTo = url.pathname === '/redirect' ? url.searchParams.get('to') : null;
    if (url.pathname.startsWith('/drop/')) {
      // A server that accepts the request and hangs up without answering: the browser reports an error.
      req.socket.destroy();
    } else if (answered) {
      res.writeHead(answered.status ?? 200, { ...headers, 'content-type': answered.type }).end(answered.body);
    } else if (redirectTo) {
      res.writeHead(302, { ...headers, location: redirectTo }).end();
    } else if (typeof page === 'string') {
      res.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(page);
    } else if (page) {
      res.writeHead(200, { ...headers, ...page.headers, 'content-type': page.type }).end(page.body);
    } else if (/\.js$/.test(url.pathname)) {
      res.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end('/* tracker script */');
    } else if (/\.(gif|png|jpe?g)$|\/(tr|pixel|collect|p)\b/.test(url.pathname) && req.method === 'GET') {
      // Pixels set an id cookie on their own domain, as real ones do: the next request carries it back.
      res
        .writeHead(200, {
          ...headers,
          'content-type': 'image/gif',
          'set-cookie': `tracker_uid=${Math.random().toString(36).slice(2)}; Path=/; Max-Age=3600; SameSite=None; Secure`,
        })
        .end(PIXEL);
    } else if (/\.(html?)$|\/(frame|ad|iframe)\b/.test(url.pathname)) {
      res.writeHead(200, { ...headers, 'content-type': 'text/html' }).end('<!doctype html><title>ad</title>');
    } else {
      res.writeHead(204, headers).end();
    }
  };
  const http = createHttpServer(handler);
  const certificate = selfSignedCertificate();
  const https = createHttpsServer(certificate, handler);
  const spki = createHash('sha256')
    .update(new X509Certificate(certificate.cert).publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.once('data', (first) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === 0x16 ? https : http).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    log,
    requestsTo: (hosts) => log.filter((r) => hosts.includes(r.host)),
    settled: async (quietMs = 1000, timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const last = log.at(-1)?.time ?? 0;
        if (Date.now() - last >= quietMs) return;
        if (Date.now() > deadline) throw new Error(`requests still arriving after ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    spki,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
