import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { Paper } from '../../../components/letters/paper.tsx';

/** The text of an element of the rendered HTML, tags stripped and entities read back. */
const textOf = (html: string, cls: string) =>
  [...html.matchAll(new RegExp(`<[a-z]+ class="${cls}"[^>]*>([\\s\\S]*?)</(?:p|div)>`, 'g'))]
    .map((m) =>
      (m[1] ?? '')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&'),
    )
    .join('\n');

describe('the letter on paper', () => {
  it('holds subject and the whole body, with the signature line after the closing', () => {
    const body = `Dear DPO,\n\n${'Please erase my data. '.repeat(200)}\n\nKind regards\nErika\n1 December 2026 · DSC-1`;
    const html = renderToString(
      <Paper
        from="Erika"
        to={'Magnite\nprivacy@magnite.com'}
        subject="Erasure — DSC-1"
        body={body}
        closing="Kind regards"
        signatureLine
        lang="en"
      />,
    );
    expect(textOf(html, 'paper-subject')).toBe('Erasure — DSC-1');
    // In the letter's language, whatever the UI's: a German UI can print an English letter.
    expect(html).toMatch(/^<article class="paper" data-testid="paper" lang="en">/);
    expect(textOf(html, 'paper-body')).toBe(body);
    expect(html.indexOf('paper-signature')).toBeGreaterThan(html.indexOf('Kind regards'));
    expect(html.indexOf('paper-signature')).toBeLessThan(html.indexOf('Erika\n1 December'));
    expect(
      renderToString(<Paper to="x" subject="s" body={body} closing="Kind regards" signatureLine={false} lang="en" />),
    ).not.toContain('paper-signature');
  });

  it('renders hostile text as text', () => {
    const html = renderToString(
      <Paper
        from={'<img src=x onerror=alert(1)>'}
        to={'Evil <script>alert(1)</script>'}
        subject={'<b>bold</b>'}
        body={'<iframe src="https://evil.example"></iframe>'}
        closing="Kind regards"
        signatureLine={false}
        lang="en"
      />,
    );
    expect(html).not.toMatch(/<(img|script|b|iframe)\b/);
    expect(textOf(html, 'paper-body')).toBe('<iframe src="https://evil.example"></iframe>');
  });
});
