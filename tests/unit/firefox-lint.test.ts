import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { judge, type LintMessage, type LintReport, ownSources } from '../../scripts/firefox-lint.ts';

const OURS = 'export const Name = (p: { name: string }) => <b>{p.name}</b>;';

/** A built add-on of two minified files: Preact's renderer, and code of Disclosed's own. */
function build() {
  const dir = mkdtempSync(join(tmpdir(), 'disclosed-lint-'));
  const preact =
    'var a=1;for(M in vn)M=="dangerouslySetInnerHTML"?an=J:M=="value"?sn=J:0;an?(k||(s.innerHTML=an.__html),o.__k=[]):0;';
  writeFileSync(join(dir, 'preact.js'), preact);
  const ours = 'function show(n){n.innerHTML=location.hash}';
  writeFileSync(join(dir, 'ours.js'), ours);
  const at = (file: string, text: string, needle: string): LintMessage => ({
    code: 'UNSAFE_VAR_ASSIGNMENT',
    message: 'Unsafe assignment to innerHTML',
    file,
    line: 1,
    column: text.indexOf(needle),
  });
  return { dir, preactWarning: at('preact.js', preact, 's.innerHTML'), ownWarning: at('ours.js', ours, 'n.innerHTML') };
}

const report = (parts: Partial<Pick<LintReport, 'errors' | 'warnings' | 'notices'>>): LintReport => {
  const errors = parts.errors ?? [];
  const warnings = parts.warnings ?? [];
  const notices = parts.notices ?? [];
  return {
    summary: { errors: errors.length, warnings: warnings.length, notices: notices.length },
    errors,
    warnings,
    notices,
  };
};

describe('linting the Firefox add-on', () => {
  it("passes with Preact's own innerHTML warning, and says it is third-party", () => {
    const { dir, preactWarning } = build();
    const result = judge(dir, report({ warnings: [preactWarning] }), [OURS]);
    expect(result.ok).toBe(true);
    expect(result.lines[0]).toBe('addons-linter: 0 errors, 1 warnings (1 in bundled third-party code), 0 notices');
    expect(result.lines[1]).toContain("Preact's renderer");
  });

  it('fails on the same warning in code of our own', () => {
    const { dir, preactWarning, ownWarning } = build();
    const result = judge(dir, report({ warnings: [preactWarning, ownWarning] }), [OURS]);
    expect(result.ok).toBe(false);
    expect(result.lines.join('\n')).toContain('UNSAFE_VAR_ASSIGNMENT ours.js:1');
  });

  it('fails on any error', () => {
    const { dir } = build();
    const missing = {
      code: 'MISSING_DATA_COLLECTION_PERMISSIONS',
      message: 'The key is missing',
      file: 'manifest.json',
    };
    expect(judge(dir, report({ errors: [missing] }), [OURS]).ok).toBe(false);
  });

  it("counts Preact's warning as ours once a source of ours passes dangerouslySetInnerHTML", () => {
    const { dir, preactWarning } = build();
    const risky = 'export const Note = (p: { html: string }) => <p dangerouslySetInnerHTML={{ __html: p.html }} />;';
    expect(judge(dir, report({ warnings: [preactWarning] }), [OURS, risky]).ok).toBe(false);
  });

  it("reads the project's own sources, which pass no such prop today", () => {
    const sources = ownSources(join(import.meta.dirname, '..', '..'));
    expect(sources.length).toBeGreaterThan(50);
    expect(sources.some((s) => s.includes('dangerouslySetInnerHTML'))).toBe(false);
  });
});
