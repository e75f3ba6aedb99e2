/**
 * `addons-linter` (the validator addons.mozilla.org runs on every upload, also inside `web-ext lint`) on the built
 * Firefox add-on. Passes with 0 errors and no warning from Disclosed's own code. A warning the linter raises inside
 * bundled third-party code is allowed only if it is listed below, matched by the source it points at, with the
 * reason it cannot be fixed; any other warning fails.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
  notices: LintMessage[];
}

/** Warnings in bundled libraries that Disclosed cannot change, recognised by the code around the spot flagged. */
export const THIRD_PARTY_WARNINGS: {
  code: string;
  source: RegExp;
  where: string;
  why: string;
  /** Counted as ours after all when our own sources match this: they would make the flagged code run. */
  oursIf: RegExp;
}[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    // Preact's renderer: `dom.innerHTML = newHtml.__html` for the dangerouslySetInnerHTML prop, minified.
    source: /dangerouslySetInnerHTML[\s\S]*\.innerHTML=[\w$]+\.__html/,
    where: "Preact's renderer (its support for the dangerouslySetInnerHTML prop)",
    why: 'part of Preact itself, present in every Preact build; no source of Disclosed passes that prop (checked on every run), so the assignment never runs',
    oursIf: /dangerouslySetInnerHTML/,
  },
];

/** The minified code around a message's position: a few hundred characters either side. */
function around(dir: string, m: LintMessage): string {
  if (!m.file || m.line === undefined) return '';
  const line = readFileSync(join(dir, m.file), 'utf8').split('\n')[m.line - 1] ?? '';
  const at = m.column ?? 0;
  return line.slice(Math.max(0, at - 400), at + 200);
}

/** Disclosed's own sources (what the add-on is built from), as text. */
export function ownSources(root: string): string[] {
  const texts: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'generated') walk(path);
      } else if (/\.(ts|tsx|js|mjs|html)$/.test(entry.name)) texts.push(readFileSync(path, 'utf8'));
    }
  };
  for (const dir of ['components', 'entrypoints', 'lib']) walk(join(root, dir));
  return texts;
}

/**
 * The verdict on a report of the build in `dir`: `sources` are Disclosed's own (ownSources), to tell a third-party
 * warning that our code could trigger from one it cannot.
 */
export function judge(dir: string, report: LintReport, sources: string[]): { ok: boolean; lines: string[] } {
  const lines: string[] = [];
  const own: LintMessage[] = [];
  for (const w of report.warnings) {
    const known = THIRD_PARTY_WARNINGS.find(
      (k) => k.code === w.code && k.source.test(around(dir, w)) && !sources.some((text) => k.oursIf.test(text)),
    );
    if (known) lines.push(`  third-party warning ${w.code} in ${w.file}: ${known.where} — ${known.why}`);
    else own.push(w);
  }
  for (const m of [...report.errors, ...own]) {
    lines.push(`  ${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} ${m.message}`);
  }
  for (const n of report.notices) lines.push(`  notice ${n.code} ${n.file ?? ''}: ${n.message}`);
  const { errors, warnings, notices } = report.summary;
  lines.unshift(
    `addons-linter: ${errors} errors, ${warnings} warnings (${warnings - own.length} in bundled third-party code), ${notices} notices`,
  );
  return { ok: errors === 0 && own.length === 0, lines };
}

/** Lints `dir` and prints the outcome; true when it passes. */
export function lintFirefoxBuild(root: string, dir: string): boolean {
  const result = spawnSync(join(root, 'node_modules', '.bin', 'addons-linter'), ['--output', 'json', dir], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  let report: LintReport;
  try {
    report = JSON.parse(result.stdout) as LintReport;
  } catch {
    console.error(`addons-linter gave no report (exit ${result.status}):\n${result.stderr || result.stdout}`);
    return false;
  }
  const { ok, lines } = judge(dir, report, ownSources(root));
  for (const line of lines) console.log(line);
  return ok;
}
