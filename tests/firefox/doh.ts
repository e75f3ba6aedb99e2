/**
 * A DNS-over-HTTPS resolver on loopback (RFC 8484: DNS wire format, RFC 1035, over HTTPS), for Firefox's Trusted
 * Recursive Resolver (`network.trr.mode` 3). Every name it is asked is 127.0.0.1, where the fake internet listens;
 * the aliases it is given are answered as a CNAME to their canonical name, followed by that name's address, as a
 * real resolver answers a site's subdomain that points to a tracker. Only what the tests need: A queries get an
 * address, every other type (AAAA, HTTPS) an empty answer. Every question is logged.
 */
import {
  createSecureServer,
  type Http2ServerRequest,
  type Http2ServerResponse,
  type ServerHttp2Session,
} from 'node:http2';
import type { AddressInfo } from 'node:net';
import { selfSignedCertificate } from '../../scripts/fake-internet.ts';

export interface DohServer {
  port: number;
  /** The URI Firefox's `network.trr.uri` takes. */
  uri: string;
  /** Every question asked: name and type (1 A, 28 AAAA, 65 HTTPS…). */
  questions: { name: string; type: number }[];
  close(): Promise<void>;
}

const TYPE_A = 1;
const TYPE_CNAME = 5;
const CLASS_IN = 1;
const TTL = 300;

/** A name in wire format: its labels, each after its length, then a zero byte. */
function encodeName(name: string): Buffer {
  const parts = name.replace(/\.$/, '').split('.').filter(Boolean);
  return Buffer.concat([
    ...parts.map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label, 'ascii')])),
    Buffer.from([0]),
  ]);
}

/** A resource record of class IN: its owner name (already encoded, or a pointer), type, TTL and data. */
function record(owner: Buffer, type: number, data: Buffer): Buffer {
  const fixed = Buffer.alloc(10);
  fixed.writeUInt16BE(type, 0);
  fixed.writeUInt16BE(CLASS_IN, 2);
  fixed.writeUInt32BE(TTL, 4);
  fixed.writeUInt16BE(data.length, 8);
  return Buffer.concat([owner, fixed, data]);
}

/** The question of a query: its name, type, and where it ends. Names in questions are never compressed. */
function question(query: Buffer): { name: string; type: number; end: number } {
  const labels: string[] = [];
  let at = 12;
  for (let length = query[at] ?? 0; length > 0; length = query[at] ?? 0) {
    labels.push(query.subarray(at + 1, at + 1 + length).toString('ascii'));
    at += 1 + length;
  }
  at += 1;
  return { name: labels.join('.').toLowerCase(), type: query.readUInt16BE(at), end: at + 4 };
}

/** The answer to one query, for the given aliases (name → canonical name). */
export function answer(query: Buffer, aliases: Record<string, string>): Buffer {
  const q = question(query);
  const header = Buffer.alloc(12);
  header.writeUInt16BE(query.readUInt16BE(0), 0);
  // A response (QR), the query's "recursion desired" bit, recursion available, no error.
  header.writeUInt16BE(0x8000 | (query.readUInt16BE(2) & 0x0100) | 0x0080, 2);
  header.writeUInt16BE(1, 4);
  const answers: Buffer[] = [];
  // The question's name, by a pointer to where it starts in the message (offset 12).
  const asked = Buffer.from([0xc0, 0x0c]);
  const loopback = Buffer.from([127, 0, 0, 1]);
  const canonical = aliases[q.name];
  if (canonical) {
    answers.push(record(asked, TYPE_CNAME, encodeName(canonical)));
    if (q.type === TYPE_A) answers.push(record(encodeName(canonical), TYPE_A, loopback));
  } else if (q.type === TYPE_A) {
    answers.push(record(asked, TYPE_A, loopback));
  }
  header.writeUInt16BE(answers.length, 6);
  return Buffer.concat([header, query.subarray(12, q.end), ...answers]);
}

const certificate = () => selfSignedCertificate('/CN=127.0.0.1', ['-addext', 'subjectAltName=IP:127.0.0.1']);

/** Starts the resolver on a free loopback port. */
export async function startDoh(aliases: Record<string, string>): Promise<DohServer> {
  const questions: DohServer['questions'] = [];
  const respond = (query: Buffer, res: Http2ServerResponse) => {
    try {
      const { name, type } = question(query);
      questions.push({ name, type });
      res.writeHead(200, { 'content-type': 'application/dns-message', 'cache-control': 'max-age=300' });
      res.end(answer(query, aliases));
    } catch {
      res.writeHead(400).end();
    }
  };
  const server = createSecureServer({ ...certificate(), allowHTTP1: true }, (req: Http2ServerRequest, res) => {
    const url = new URL(req.url, 'https://127.0.0.1');
    if (url.pathname !== '/dns-query') {
      res.writeHead(404).end();
      return;
    }
    if (req.method === 'GET') {
      respond(Buffer.from(url.searchParams.get('dns') ?? '', 'base64url'), res);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => respond(Buffer.concat(chunks), res));
  });
  const sessions = new Set<ServerHttp2Session>();
  server.on('session', (session: ServerHttp2Session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    uri: `https://127.0.0.1:${port}/dns-query`,
    questions,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        // Firefox keeps its HTTP/2 session open: end it so that close resolves.
        for (const session of sessions) session.destroy();
      }),
  };
}
