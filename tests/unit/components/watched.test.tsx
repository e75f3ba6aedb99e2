import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { WatchlistView } from '../../../components/options/watchlist-view.tsx';
import { WatchedLine, watchedPhrase } from '../../../components/watched.tsx';
import { translatorFromMessages } from '../../../lib/i18n.ts';

const locale = (folder: string) =>
  JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', '_locales', folder, 'messages.json'), 'utf8'),
  );
const t = translatorFromMessages(locale('en'));
const de = translatorFromMessages(locale('de'), 'de');

describe('the line that says a watched value was sent', () => {
  it('names the value and its form, in the UI’s language', () => {
    expect(watchedPhrase(t, 'email sha256')).toBe('your email address, hashed (SHA-256)');
    expect(watchedPhrase(t, 'phone md5')).toBe('your phone number, hashed (MD5)');
    expect(watchedPhrase(de, 'email base64')).toBe('Ihre E-Mail-Adresse, Base64-kodiert');
  });

  it('ignores a detail of another shape (an imported or hand-made one), and renders names as text', () => {
    expect(watchedPhrase(t, 'email <b>x</b>')).toBeUndefined();
    expect(watchedPhrase(t, 'constructor sha256')).toBeUndefined();
    const html = renderToString(
      <WatchedLine t={t} company="<img src=x onerror=alert(1)>" site="shop.example" details={['email sha1', 'x y']} />,
    );
    expect(html).toContain('&lt;img src=x onerror=alert(1)>');
    expect(html).toContain('your email address, hashed (SHA-1)');
    expect(renderToString(<WatchedLine t={t} company="Meta" site="s.example" details={['nope']} />)).toBe('');
  });

  it('joins several forms as a list', () => {
    const html = renderToString(
      <WatchedLine t={t} company="Meta" site="shop.example" details={['email sha256', 'phone sha256']} />,
    );
    expect(html).toContain(
      'Sent to Meta on shop.example: your email address, hashed (SHA-256) and your phone number, hashed (SHA-256).',
    );
  });
});

describe('the settings section', () => {
  it('shows each watched value by its masked label only, with a way to remove it', () => {
    const html = renderToString(
      <WatchlistView
        t={t}
        items={[{ id: 'a', kind: 'email', label: 'j…@e….com' }]}
        onAdd={async () => true}
        onRemove={async () => undefined}
      />,
    );
    expect(html).toContain('1 value watched:');
    expect(html).toContain('j…@e….com');
    expect(html).toContain('Remove j…@e….com');
  });
});
