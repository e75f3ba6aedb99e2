import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { DataControls, exportedText } from '../../../components/options/data-controls.tsx';
import { translatorFromMessages } from '../../../lib/i18n.ts';
import type { DroppedCount } from '../../../lib/storage/dropped.ts';

const messages = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', '_locales', 'en', 'messages.json'), 'utf8'),
);
const t = translatorFromMessages(messages);

const render = (dropped: DroppedCount | null) =>
  renderToString(
    <DataControls
      t={t}
      storageBytes={2_000_000}
      dropped={dropped}
      onDismissDropped={() => undefined}
      excludedSites={[]}
      onExcludedChange={async () => undefined}
      onForget={async () => ({ events: 0, pages: 0, flows: 0 })}
      onClear={async () => undefined}
      confirm={() => true}
      onExport={async () => ({ filename: 'disclosed-2026-12-01.ndjson', bytes: 0, flows: 0 })}
      onImport={async () => ({ ok: false, error: '' })}
    />,
  );

describe('the settings page’s data section', () => {
  it('says how many requests could not be saved, and that the disk is full', () => {
    const html = render({ requests: 25_000, pages: 0, diskFull: true });
    expect(html).toContain('data-testid="dropped"');
    expect(html).toContain('25,000 requests could not be saved — the disk is full.');
    expect(html).toContain('data-testid="dropped-dismiss"');
  });

  it('does not blame the disk for another failure', () => {
    const html = render({ requests: 2, pages: 0, diskFull: false });
    expect(html).toContain("2 requests could not be saved: the browser's storage refused them.");
    expect(html).not.toContain('disk is full');
  });

  it('shows no notice when nothing was lost', () => {
    expect(render(null)).not.toContain('data-testid="dropped"');
  });

  it('offers to include the letters in an export, off until the person ticks it, saying what they hold', () => {
    const html = render(null);
    expect(html).toMatch(/<input type="checkbox" data-testid="export-letters"(?![^>]*checked)[^>]*>/);
    expect(html).toContain('Include my letters and contacts (they contain the identifiers they cite and your name)');
  });

  it('says how much the storage uses in a unit people know, never in raw bytes', () => {
    expect(render(null)).toContain('Disclosed uses 2 MB on this device.');
  });

  it('puts every group of controls in the same kind of box, with no developer figures or file paths', () => {
    const html = render(null);
    expect(html.match(/<fieldset>/g)?.length).toBe(4);
    expect(html).not.toMatch(/docs\/|\.md\b| ms\b|GEXF \(Gephi\)/);
    expect(html).toContain('Export for Gephi (GEXF)');
  });

  it('confirms an export with the file, its size and what it holds, in formatted numbers', () => {
    expect(
      exportedText(t, { filename: 'disclosed-2026-12-01.ndjson', bytes: 2_450_000, requests: 1234, flows: 56 }),
    ).toBe(
      'Saved disclosed-2026-12-01.ndjson (2.5 MB) to your downloads. It holds 1,234 requests and 56 site and company totals.',
    );
    expect(exportedText(t, { filename: 'disclosed-2026-12-01.csv', bytes: 812, flows: 3 })).toBe(
      'Saved disclosed-2026-12-01.csv (812 bytes) to your downloads. It holds 3 site and company totals.',
    );
    expect(
      exportedText(t, { filename: 'disclosed-2026-12-01.ndjson', bytes: 1000, requests: 0, flows: 0, letters: 2 }),
    ).toContain('Your 2 letters are included.');
  });
});
