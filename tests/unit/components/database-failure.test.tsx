import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { DatabaseFailure } from '../../../components/options/database-failure.tsx';
import { translatorFromMessages } from '../../../lib/i18n.ts';

const t = translatorFromMessages(
  JSON.parse(
    readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', '_locales', 'en', 'messages.json'), 'utf8'),
  ),
);

describe('the dashboard when its database cannot be opened', () => {
  it('says what happened, that nothing was deleted, and offers to export what can be read', () => {
    const html = renderToString(
      <DatabaseFailure
        t={t}
        error="QuotaExceededError: The disk is full"
        onExport={async () => ({ skipped: 0, unreadable: [] })}
      />,
    );
    expect(html).toContain('data-testid="db-failure"');
    expect(html).toContain('Disclosed cannot open what it recorded');
    expect(html).toContain(
      "The browser refused to open Disclosed's database: QuotaExceededError: The disk is full. Nothing was deleted.",
    );
    expect(html).toMatch(/<button[^>]*data-testid="db-failure-export"[^>]*>Export what can be read<\/button>/);
  });

  it('shows the error as text, never as HTML', () => {
    const html = renderToString(
      <DatabaseFailure
        t={t}
        error="<img src=x onerror=alert(1)>"
        onExport={async () => ({ skipped: 0, unreadable: [] })}
      />,
    );
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)>');
  });
});
