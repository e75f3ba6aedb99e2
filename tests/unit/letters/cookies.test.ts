import { describe, expect, it } from 'vitest';
import { type CookieFacts, isKnownTrackingId, judgeCookie } from '../../../lib/letters/cookies.ts';

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

  // Persistent login cookies of TikTok, X, Yahoo, Google, Amazon, LinkedIn, and Cloudflare's bot checks: none of
  // them says "session" or "login" in its name, and each lets someone act as the person or pass a check as them.
  it.each([
    ['sid_tt', 'login-or-session'],
    ['sid_guard', 'login-or-session'],
    ['ssid_ucp_v1', 'login-or-session'],
    ['ct0', 'login-or-session'],
    ['kdt', 'login-or-session'],
    ['T', 'login-or-session'],
    ['Y', 'login-or-session'],
    ['SIDCC', 'login-or-session'],
    ['OSID', 'login-or-session'],
    ['at-main', 'login-or-session'],
    ['x-main', 'login-or-session'],
    ['at-acbuk', 'login-or-session'],
    ['li_rm', 'login-or-session'],
    ['bscookie', 'login-or-session'],
    ['AEC', 'security'],
    ['cf_clearance', 'security'],
    ['__cf_bm', 'security'],
    ['_abck', 'security'],
    ['incap_ses_123_456', 'security'],
    ['__stripe_mid', 'security'],
    ['access_token', 'login-or-session'],
  ])('never quotes the persistent login or security cookie %s', (name, reason) => {
    expect(judgeCookie(cookie(name, { secure: true, session: false }))).toEqual({ usable: false, reason });
  });
});

describe('which identifiers a new letter ticks', () => {
  it.each([
    '_ga',
    '_ga_ABC123',
    '_gid',
    '_fbp',
    'fbp',
    'cid',
    'uid',
    'IDE',
    'MUID',
    'tuuid',
    'uuid2',
    '_ttp',
    'data.cid',
    'events[0].user_id',
    '_pk_id.1.1fff',
  ])('ticks the known tracking identifier %s', (name) => expect(isKnownTrackingId(name)).toBe(true));

  it.each(['password', 'session_id', 'sid', 'token', 'tracker_uid', 'x_custom', 'id', 'auth.uid_token', 'SIDCC'])(
    'offers %s unticked',
    (name) => expect(isKnownTrackingId(name)).toBe(false),
  );
});
