import { describe, expect, it } from 'vitest';
import { type CookieFacts, judgeCookie } from '../../../lib/letters/cookies.ts';

const cookie = (name: string, extra: Partial<CookieFacts> = {}): CookieFacts => ({
  name,
  value: 'abc123',
  domain: '.example.com',
  ...extra,
});

describe('judgeCookie', () => {
  it.each(['_ga', 'IDE', 'uid', 'fr', '_fbp', 'tuuid', 'tracker_uid', 'MUID', 'ANON_ID', 'visitor_id'])(
    'quotes the advertising or visitor id %s',
    (name) => {
      expect(judgeCookie(cookie(name, { secure: true, httpOnly: false }))).toEqual({ usable: true });
    },
  );

  it.each([
    ['SID', 'login-or-session'],
    ['HSID', 'login-or-session'],
    ['SAPISID', 'login-or-session'],
    ['__Secure-3PSID', 'security'],
    ['__Host-GAPS', 'security'],
    ['xs', 'login-or-session'],
    ['c_user', 'login-or-session'],
    ['datr', 'login-or-session'],
    ['li_at', 'login-or-session'],
    ['JSESSIONID', 'login-or-session'],
    ['PHPSESSID', 'login-or-session'],
    ['ASP.NET_SessionId', 'login-or-session'],
    ['connect.sid', 'login-or-session'],
    ['csrftoken', 'login-or-session'],
    ['XSRF-TOKEN', 'login-or-session'],
    ['auth_token', 'login-or-session'],
    ['remember_me', 'login-or-session'],
    ['wordpress_logged_in_123', 'login-or-session'],
  ])('never quotes the login, session or security cookie %s', (name, reason) => {
    expect(judgeCookie(cookie(name))).toEqual({ usable: false, reason });
  });

  it('leaves out a script-hidden cookie that ends with the session, whatever its name', () => {
    expect(judgeCookie(cookie('qz', { httpOnly: true, session: true }))).toEqual({
      usable: false,
      reason: 'login-or-session',
    });
    expect(judgeCookie(cookie('qz', { httpOnly: true, session: false }))).toEqual({ usable: true });
  });

  it('leaves out an empty value', () => {
    expect(judgeCookie(cookie('uid', { value: ' ' }))).toEqual({ usable: false, reason: 'empty' });
  });
});
