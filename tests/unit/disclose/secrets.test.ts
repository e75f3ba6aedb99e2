import { describe, expect, it } from 'vitest';
import { decodeRequest, storedFindings } from '../../../lib/disclose/decode.ts';
import { citableName, secretName } from '../../../lib/disclose/rules.ts';

const PASSWORD = 'Hunter2-correct-horse-battery';
const TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiI0NzExIn0.c2lnbmF0dXJlNDcxMQ';

const form = (fields: Record<string, string>) => ({
  formData: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v]])),
});
const json = (value: unknown) => ({
  raw: [{ bytes: new TextEncoder().encode(JSON.stringify(value)).buffer as ArrayBuffer }],
});

async function decoded(url: string, body?: ReturnType<typeof form> | ReturnType<typeof json>) {
  const result = await decodeRequest({
    url,
    method: body ? 'POST' : 'GET',
    pageUrl: 'https://shop.example/login',
    body,
  });
  return { ...result, stored: storedFindings(result.findings) };
}

describe('secrets', () => {
  it('keeps a login form sent in the address as "a secret was sent", every field of it without its value', async () => {
    const r = await decoded(
      `https://collect.tracker.example/c?password=${PASSWORD}&session_id=8f3c2a9b7d1e4f60a5b3c7d9e1f2a4b6&email=jane.doe%40example.com&cid=1234567890.1700000000`,
    );
    expect(r.kinds).toEqual(['secret']);
    expect(r.stored.map((f) => [f.kind, f.name, f.value])).toEqual([
      ['secret', 'password', ''],
      ['secret', 'session_id', ''],
      ['secret', 'email', ''],
      ['secret', 'cid', ''],
    ]);
    const all = JSON.stringify(r.findings);
    for (const value of [PASSWORD, '8f3c2a9b', 'jane.doe', '1234567890.1700000000']) expect(all).not.toContain(value);
  });

  it('reads a password field in a form or JSON body, under any spelling, and blanks the whole body', async () => {
    for (const name of [
      'password',
      'passwd',
      'pwd',
      'pass',
      'user[password]',
      'newPassword',
      'login_pwd',
      'motdepasse',
    ]) {
      const r = await decoded(
        'https://auth.vendor.example/login',
        form({ [name]: PASSWORD, username: 'jane_doe_1987' }),
      );
      expect(r.kinds, name).toEqual(['secret']);
      expect(JSON.stringify(r.findings), name).not.toMatch(/Hunter2|jane_doe/);
    }
    const nested = await decoded(
      'https://auth.vendor.example/login',
      json({ user: { email: 'jane@example.com', password: PASSWORD } }),
    );
    expect(nested.kinds).toEqual(['secret']);
    expect(nested.stored.map((f) => f.name)).toEqual(['user.email', 'user.password']);
  });

  it('keeps a token, key or CSRF value as a secret, and the other parameters of the request as they are', async () => {
    const names = [
      'access_token',
      'id_token',
      'refresh_token',
      'authToken',
      'csrf',
      '_csrf',
      'xsrf-token',
      'authenticity_token',
      'client_secret',
      'auth',
      'authorization',
      'jwt',
      'otp',
      'pin',
      'private_key',
      'PHPSESSID',
    ];
    for (const name of names) {
      const r = await decoded(
        `https://api.vendor.example/v1?${encodeURIComponent(name)}=${TOKEN}&cid=1234567890.1700000000`,
      );
      expect(r.kinds, name).toEqual(['identifier', 'secret']);
      expect(r.stored, name).toContainEqual({ kind: 'secret', source: 'url', name, value: '' });
      expect(r.findings.find((f) => f.kind === 'identifier')?.value, name).toBe('1234567890.1700000000');
      expect(JSON.stringify(r.findings), name).not.toContain(TOKEN.slice(0, 12));
    }
  });

  it('keeps the tracking identifiers letters rely on: session numbers and public SDK keys are no secrets', async () => {
    const r = await decoded(
      'https://www.google-analytics.com/g/collect?cid=1234567890.1700000000&sid=1700000123&session_id=8f3c2a9b7d1e4f60&token=pub4711abcdef0123456789&api_key=phc_4711abcdef0123456789',
    );
    expect(r.kinds).not.toContain('secret');
    expect(r.findings.filter((f) => f.kind === 'identifier').map((f) => [f.name, f.value])).toContainEqual([
      'session_id',
      '8f3c2a9b7d1e4f60',
    ]);
    for (const name of [
      'sid',
      'session_id',
      'sessionid',
      'session',
      'token',
      'api_key',
      'apiKey',
      'key',
      'code',
      'next_page_token',
      'passenger',
      'compass',
      'author',
    ])
      expect(secretName(name), name).toBeUndefined();
  });

  it("takes a bare token of a login's object for a credential: session.token, auth.token, user.token", async () => {
    for (const owner of ['session', 'login', 'auth', 'user', 'account']) {
      const { kinds } = await decoded('https://t.example/e', json({ [owner]: { token: TOKEN } }));
      expect(kinds, owner).toEqual(['secret']);
    }
    // A project's key under a bare token stays what it is: no secret of the person.
    expect(secretName('token')).toBeUndefined();
    expect(secretName('config.token')).toBeUndefined();
  });

  it('never offers a session or key value for a letter, though it was sent', () => {
    for (const name of ['sid', 'session_id', 'sessionId', 'data.session', 'token', 'api_key', 'access_token'])
      expect(citableName(name), name).toBe(false);
    for (const name of ['cid', 'uid', 'user_id', 'distinct_id', 'context.key', '_fbp'])
      expect(citableName(name), name).toBe(true);
  });

  it('takes no flag or redacted value for a secret, and no login form from one', async () => {
    const r = await decoded(
      'https://errors.vendor.example/e?password=%5BFiltered%5D&has_password=true&cid=1234567890.1700000000',
    );
    expect(r.kinds).toEqual(['identifier']);
  });

  it('keeps what a base64 JSON value under a credential name holds as a secret too', async () => {
    const wrapped = btoa(JSON.stringify({ email: 'jane@example.com', id: 'u-8f3c2a9b7d1e4f60' }));
    const r = await decoded(`https://api.vendor.example/v1?auth=${encodeURIComponent(wrapped)}`);
    expect(r.kinds).toEqual(['secret']);
    expect(JSON.stringify(r.findings)).not.toContain('jane@example.com');
  });
});
