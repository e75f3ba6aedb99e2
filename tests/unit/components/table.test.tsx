import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { PAGE, SortableTable } from '../../../components/dashboard/table.tsx';
import { translatorFromMessages } from '../../../lib/i18n.ts';

const messages = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', '..', 'public', '_locales', 'en', 'messages.json'), 'utf8'),
);
const t = translatorFromMessages(messages);
const rows = Array.from({ length: 250 }, (_, i) => ({ name: `row${i}`, n: i }));

describe('SortableTable', () => {
  it('draws the first page of a long list, sorted, and offers the rest', () => {
    const html = renderToString(
      <SortableTable
        t={t}
        testId="list"
        rows={rows}
        rowKey={(r) => r.name}
        initialSort={{ key: 'n', descending: true }}
        columns={[
          { key: 'name', label: 'Name', render: (r) => r.name },
          { key: 'n', label: 'N', numeric: true, sort: (r) => r.n, render: (r) => r.n },
        ]}
      />,
    );
    expect(html.match(/<tr>/g)?.length).toBe(PAGE + 1);
    // Sorted over every row: the first drawn is the largest of all 250.
    expect(html).toContain('<td>row249</td>');
    expect(html).not.toContain('<td>row149</td>');
    expect(html).toContain('Show 100 more (150 not shown)');
  });

  it('offers nothing more when every row is drawn', () => {
    const html = renderToString(
      <SortableTable
        t={t}
        rows={rows.slice(0, 3)}
        rowKey={(r) => r.name}
        columns={[{ key: 'name', label: 'Name', render: (r) => r.name }]}
      />,
    );
    expect(html).not.toContain('more');
  });
});
