import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'vitest';

// The JSON Schema of the export format, beside its prose in docs/, for the unit and end-to-end tests. Tests only:
// the extension validates by hand (lib/export/format.ts) and ships neither the schema nor ajv.
const schemaPath = join(import.meta.dirname, '..', 'docs', 'export-format.schema.json');
export const exportSchema = JSON.parse(readFileSync(schemaPath, 'utf8')) as object;

// strict: a keyword the validator does not know is an error in the schema, not silently ignored.
const ajv = new Ajv2020({ strict: true, allErrors: true });
export const matchesSchema = ajv.compile(exportSchema);

/** Fails the test, naming the first problems, unless `file` (as JSON would give it back) is valid by the schema. */
export function expectMatchesSchema(file: unknown): void {
  const json = JSON.parse(JSON.stringify(file));
  const ok = matchesSchema(json);
  expect(ok ? [] : (matchesSchema.errors ?? []).slice(0, 5).map((e) => `${e.instancePath} ${e.message}`)).toEqual([]);
}

const part = (name: 'header' | 'record') => {
  const validate = ajv.getSchema(`urn:disclosed:export-format:4#/$defs/${name}`);
  if (!validate) throw new Error(`the schema has no ${name}`);
  return validate;
};
export const matchesHeader = part('header');
export const matchesRecord = part('record');

/** The lines of an export written in lines (its parts joined, or the file's text): the header, then records. */
export function exportLines(text: string): unknown[] {
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as unknown);
}

/** Fails the test unless the first line is a valid header by the schema, and every other line a valid record. */
export function expectLinesMatchSchema(text: string): void {
  const [header, ...records] = exportLines(text);
  const problems = (validate: typeof matchesHeader, value: unknown, line: number) =>
    validate(value) ? [] : (validate.errors ?? []).slice(0, 3).map((e) => `line ${line}${e.instancePath} ${e.message}`);
  expect([
    ...problems(matchesHeader, header, 1),
    ...records.flatMap((record, i) => problems(matchesRecord, record, i + 2)).slice(0, 5),
  ]).toEqual([]);
}
