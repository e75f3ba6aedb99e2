import { DELIVERIES, DELIVERY_REASONS, type Delivery, type DeliveryReason } from '../classify/delivery.ts';
import { CONSENT_STATES } from '../consent/summary.ts';
import type { ConsentStamp, RequestConsent } from '../consent/types.ts';
import { DATA_KINDS, type DataKind } from '../disclose/kinds.ts';
import {
  type ContactCorrection,
  type EvidenceSnapshot,
  LETTER_VALUES,
  type LetterRecord,
  type LetterStatus,
} from '../letters/types.ts';
import { RESIDENCES } from '../settings.ts';

/**
 * Disclosed's export file, version 4 (docs/export-format.md says it in prose, docs/export-format.schema.json as a
 * JSON Schema that the tests hold this validator to). Times are ISO 8601 strings in UTC. An export carries no
 * identifying value: paths and addresses are masked (lib/disclose/mask.ts), findings keep no characters of what
 * was sent. Version 4 adds to events what their consent signals said (`consent`), when they were sent (`sentAt`) and
 * the page's consent state then (`consentAt`), decoded, never the strings; a version 3 file is the same without them. Version 3
 * tells the three levels of a page address apart (`site-address`, `page-address`, `full-address`); versions 1 and 2
 * had one `page-address` for all three, and are still read (and their addresses split as a database upgrade splits
 * them). Version 1 findings keep their shortened values.
 */
export const EXPORT_FORMAT = 'disclosed-export';
export const EXPORT_VERSION = 4;
/** The versions an import reads: exports are always written in the newest. */
export const READABLE_VERSIONS = [1, 2, 3, 4] as const;
export type ReadableVersion = (typeof READABLE_VERSIONS)[number];
/** Versions written in lines (a header line, then one record a line). */
const LINE_VERSIONS: readonly ReadableVersion[] = [3, 4];

export interface ExportSpan {
  first: string;
  last: string;
}

export interface ExportFlow {
  site: string;
  organization: { id: string; name: string };
  kind: 'tracker' | 'unlisted';
  /** The main category: the one with the most requests. */
  category: string;
  /** Requests per category, when they are known (optional: written since Disclosed's schema 9). */
  categories?: Partial<Record<string, number>>;
  domains: string[];
  /** Requests to further host names, beyond the ones a total keeps (100): only their number. */
  domainsMore?: number;
  requests: number;
  failed: number;
  firstSeen: string;
  lastSeen: string;
  dataKinds: Partial<Record<DataKind, ExportSpan>>;
}

/**
 * Requests from a site to an organization that are not known to have reached it (blocked, failed, answered from the
 * browser's cache): a flow's fields without `failed`, every request one. Optional: older files have none.
 */
export type ExportAttempt = Omit<ExportFlow, 'failed'>;

export interface ExportDay {
  day: string;
  organization: string;
  kind: 'tracker' | 'unlisted';
  requests: number;
  sites: string[];
  /** Requests from further sites, beyond the ones a day keeps (1,000): only their number. */
  sitesMore?: number;
}

export interface ExportEvent {
  time: string;
  site: string;
  organization: string;
  kind: 'tracker' | 'unlisted';
  category: string;
  host: string;
  /** The DNS canonical name `host` is an alias of, when that is the organization's and `host` is not (optional). */
  cname?: string;
  path: string;
  type: string;
  method: string;
  outcome: 'completed' | 'error';
  error?: string;
  /**
   * Whether it reached the organization, and why that is thought (version 3; absent for requests recorded before
   * Disclosed could tell, whose `outcome` is all there is).
   */
  delivery?: Delivery;
  deliveryReason?: DeliveryReason;
  dataKinds: DataKind[];
  findings: ExportFinding[];
  /** Version 4: what the request's own consent signals said, decoded for this organization (never the strings). */
  consent?: RequestConsent;
  /** Version 4: when the request was sent (its `time` is when it finished); absent when that was not seen. */
  sentAt?: string;
  /** Version 4: the page's consent state when the request was sent, its times as ISO strings. */
  consentAt?: ExportConsentStamp;
}

export type ExportConsentStamp = Omit<ConsentStamp, 'since' | 'answeredAt'> & { since?: string; answeredAt?: string };

export const FINDING_SOURCES = ['url', 'referer', 'body', 'cookie'] as const;
/** What a sent value looked like, in place of its characters (see `valueShape` in mask.ts). */
export const VALUE_SHAPES = ['empty', 'digits', 'hex', 'token', 'email', 'address', 'text'] as const;
export type ValueShape = (typeof VALUE_SHAPES)[number];

/** A parameter that carried a data kind: its name, never its value. */
export interface ExportFinding {
  kind: DataKind;
  source: (typeof FINDING_SOURCES)[number];
  /** The parameter's name, identifier-like parts masked. */
  name: string;
  shape: ValueShape;
  /** Address findings (the three levels): the address, masked (origin, masked path, parameter names). */
  address?: string;
  /**
   * A description in Disclosed's own words (`screen 1920×1080`, `purchase`), a full address's parameter names, or
   * cookie names; masked.
   */
  detail?: string;
}

/**
 * A letter as stored (lib/letters/types.ts), its times as ISO strings: only in a file whose export included the
 * user's letters. Personal data: it holds the identifier values it cites, the recipient and the sender's name.
 */
export type ExportLetter = Omit<LetterRecord, 'createdAt' | 'history' | 'evidence'> & {
  createdAt: string;
  history: { at: string; status: LetterStatus; note?: string }[];
  evidence?: Omit<EvidenceSnapshot, 'firstSeen' | 'lastSeen'> & { firstSeen: string; lastSeen: string };
};

/** A privacy contact the user corrected, its time as an ISO string: with the letters only. */
export type ExportContact = Omit<ContactCorrection, 'updatedAt'> & { updatedAt: string };

/** The user's letter settings, in the header of a file that includes the letters. */
export interface ExportSettings {
  /** Where the user lives (a code of RESIDENCES in lib/settings.ts); absent when they never said. */
  residence?: string;
}

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  /**
   * Written as 4; a version 3 file reads into the same shape without consent, a version 2 file too (its findings
   * as well), its addresses at one level.
   */
  version: typeof EXPORT_VERSION | 3 | 2;
  exportedAt: string;
  trackerData: { name: string; version: string; license: string };
  flows: ExportFlow[];
  /** What was tried and not received, kept apart from `flows`, which count only what was. */
  attempts?: ExportAttempt[];
  days: ExportDay[];
  events: ExportEvent[];
  /** Only when the user chose to include their letters (written in lines only). */
  settings?: ExportSettings;
  letters?: ExportLetter[];
  contacts?: ExportContact[];
}

/** Version 1: findings kept their value as the popup shows it (shortened, an identifier's middle cut out). */
export interface ExportFindingV1 {
  kind: DataKind;
  source: (typeof FINDING_SOURCES)[number];
  name: string;
  value: string;
  detail?: string;
}

export interface ExportFileV1 extends Omit<ExportFile, 'version' | 'events'> {
  version: 1;
  events: (Omit<ExportEvent, 'findings'> & { findings: ExportFindingV1[] })[];
}

/** A file an import reads. */
export type ReadableExport = ExportFile | ExportFileV1;

/** Why a file was refused: a path into it and what is wrong there. */
export class ImportError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'ImportError';
  }
}

// ---- strict validation: every field checked, nothing unknown accepted ----

type Json = Record<string, unknown>;
/**
 * How much a field may hold. Disclosed's own words (paths, parameter names, details, categories) are short; what a page
 * chooses through a request's address or method (sites, hosts, company ids made of a domain, a page address, a method)
 * is as long as an address may be in Chrome (2 MiB). Lists a page can grow (a company's hosts, a day's sites) have no
 * bound of their own: the line that holds them has (MAX_LINE_CHARS in stream.ts).
 */
export const LIMIT = { text: 2048, request: 2 * 1024 * 1024, list: 1000 };

function object(value: unknown, path: string, keys: { required: string[]; optional?: string[] }): Json {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ImportError(path, 'must be an object');
  const o = value as Json;
  const allowed = new Set([...keys.required, ...(keys.optional ?? [])]);
  for (const key of Object.keys(o))
    if (!allowed.has(key)) throw new ImportError(`${path}.${key}`, 'is not part of the format');
  for (const key of keys.required) if (!(key in o)) throw new ImportError(`${path}.${key}`, 'is missing');
  return o;
}

function codePoints(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

function text(value: unknown, path: string, pattern?: RegExp, max: number = LIMIT.text): string {
  if (typeof value !== 'string') throw new ImportError(path, 'must be text');
  // Characters are code points, as JSON Schema's maxLength counts them: only text over the limit in UTF-16 units can be.
  if (value.length > max && codePoints(value) > max) throw new ImportError(path, `is longer than ${max} characters`);
  if (pattern && !pattern.test(value))
    throw new ImportError(path, `does not look right (${JSON.stringify(value.slice(0, 40))})`);
  return value;
}

function count(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw new ImportError(path, 'must be a whole number ≥ 0');
  return value;
}

/** The same expression is the schema's `time` pattern. */
const TIME =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

function time(value: unknown, path: string): string {
  const t = text(value, path, TIME);
  if (Number.isNaN(Date.parse(t))) throw new ImportError(path, 'is not a date');
  return t;
}

function list<T>(value: unknown, path: string, item: (v: unknown, p: string) => T, max = Infinity): T[] {
  if (!Array.isArray(value)) throw new ImportError(path, 'must be a list');
  if (value.length > max) throw new ImportError(path, `has more than ${max} entries`);
  return value.map((v, i) => item(v, `${path}[${i}]`));
}

function oneOf<T extends string>(value: unknown, path: string, options: readonly T[]): T {
  if (!options.includes(value as T)) throw new ImportError(path, `must be one of ${options.join(', ')}`);
  return value as T;
}

/**
 * A host name as a browser's address parser gives it: lower case, IDN as punycode, and every character a WHATWG host
 * may hold (`_`, `!`, `'`, `~`…; Chrome escapes a space as `%20`), an IPv6 address with or without its brackets. Never
 * a space, a control character, `<`, `>`, `/`, `\`, `@`, `^` or `|`. The same expression is the schema's `host`.
 */
const HOST = /^[a-z0-9._~!$&'()*+,;=`{}"%:[\]-]+$/;
/** A site is the registrable domain of such a host (the host itself when it has none), or `browser`. */
const SITE = HOST;
const site = (v: unknown, p: string) => text(v, p, SITE, LIMIT.request);
const host = (v: unknown, p: string) => text(v, p, HOST, LIMIT.request);
/**
 * Organization ids: printable, no tab or line break (the day summaries use them as separators); an unlisted one is
 * `site:` and a site, so as long as a site may be.
 */
const ORGANIZATION = /^[^\p{Cc}]+$/u;
const organization = (v: unknown, p: string) => text(v, p, ORGANIZATION, LIMIT.request);
/** An HTTP method (RFC 9110's token), upper-cased as the capture stores it: `X-Y` and `M-SEARCH` as well as `GET`. */
const METHOD = /^[!#$%&'*+.^_`|~0-9A-Z-]+$/;
/** A webRequest resource type, as either browser names them (`image`, `xml_dtd`…). */
const TYPE = /^[a-z0-9_-]+$/;
const FLOW_KINDS = ['tracker', 'unlisted'] as const;

const CATEGORY = /^[a-z_]+$/;

/** Requests per category: category ids as keys (at most a list's worth), whole numbers as values. */
function categoryCounts(value: unknown, path: string): Partial<Record<string, number>> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new ImportError(path, 'must be an object');
  const entries = Object.entries(value);
  if (entries.length > LIMIT.list) throw new ImportError(path, `has more than ${LIMIT.list} entries`);
  // Built as own properties: a category named `__proto__` is a count like any other.
  return Object.fromEntries(
    entries.map(([category, n]) => [text(category, `${path} key`, CATEGORY), count(n, `${path}.${category}`)]),
  );
}

function span(value: unknown, path: string): ExportSpan {
  const o = object(value, path, { required: ['first', 'last'] });
  return { first: time(o.first, `${path}.first`), last: time(o.last, `${path}.last`) };
}

function dataKindMap(value: unknown, path: string): Partial<Record<DataKind, ExportSpan>> {
  const o = object(value, path, { required: [], optional: [...DATA_KINDS] });
  const out: Partial<Record<DataKind, ExportSpan>> = {};
  // In the file's order, which is the order they were first seen: a total imported back reads as the one exported.
  for (const k of Object.keys(o) as DataKind[]) out[k] = span(o[k], `${path}.${k}`);
  return out;
}

const ATTEMPT_FIELDS = ['site', 'organization', 'kind', 'category', 'domains', 'requests', 'firstSeen', 'lastSeen'];

function flow(value: unknown, path: string): ExportFlow {
  const o = object(value, path, {
    required: [...ATTEMPT_FIELDS, 'failed', 'dataKinds'],
    optional: ['categories', 'domainsMore'],
  });
  return { ...attemptFields(o, path), failed: count(o.failed, `${path}.failed`) };
}

function attempt(value: unknown, path: string): ExportAttempt {
  return attemptFields(
    object(value, path, { required: [...ATTEMPT_FIELDS, 'dataKinds'], optional: ['categories', 'domainsMore'] }),
    path,
  );
}

/** What a flow and an attempt have alike, checked. */
function attemptFields(o: Json, path: string): ExportAttempt {
  const org = object(o.organization, `${path}.organization`, { required: ['id', 'name'] });
  return {
    site: site(o.site, `${path}.site`),
    organization: {
      id: organization(org.id, `${path}.organization.id`),
      // An unlisted company is named by its domain.
      name: text(org.name, `${path}.organization.name`, undefined, LIMIT.request),
    },
    kind: oneOf(o.kind, `${path}.kind`, FLOW_KINDS),
    category: text(o.category, `${path}.category`, CATEGORY),
    ...(o.categories !== undefined ? { categories: categoryCounts(o.categories, `${path}.categories`) } : {}),
    domains: list(o.domains, `${path}.domains`, host),
    ...(o.domainsMore !== undefined ? { domainsMore: count(o.domainsMore, `${path}.domainsMore`) } : {}),
    requests: count(o.requests, `${path}.requests`),
    firstSeen: time(o.firstSeen, `${path}.firstSeen`),
    lastSeen: time(o.lastSeen, `${path}.lastSeen`),
    dataKinds: dataKindMap(o.dataKinds, `${path}.dataKinds`),
  };
}

function day(value: unknown, path: string): ExportDay {
  const o = object(value, path, {
    required: ['day', 'organization', 'kind', 'requests', 'sites'],
    optional: ['sitesMore'],
  });
  return {
    day: text(o.day, `${path}.day`, /^\d{4}-\d{2}-\d{2}$/),
    organization: organization(o.organization, `${path}.organization`),
    kind: oneOf(o.kind, `${path}.kind`, FLOW_KINDS),
    requests: count(o.requests, `${path}.requests`),
    sites: list(o.sites, `${path}.sites`, site),
    ...(o.sitesMore !== undefined ? { sitesMore: count(o.sitesMore, `${path}.sitesMore`) } : {}),
  };
}

function findingV1(value: unknown, path: string): ExportFindingV1 {
  const o = object(value, path, { required: ['kind', 'source', 'name', 'value'], optional: ['detail'] });
  return {
    kind: oneOf(o.kind, `${path}.kind`, DATA_KINDS),
    source: oneOf(o.source, `${path}.source`, FINDING_SOURCES),
    name: text(o.name, `${path}.name`),
    value: text(o.value, `${path}.value`),
    ...(o.detail !== undefined ? { detail: text(o.detail, `${path}.detail`) } : {}),
  };
}

function finding(value: unknown, path: string): ExportFinding {
  const o = object(value, path, { required: ['kind', 'source', 'name', 'shape'], optional: ['address', 'detail'] });
  return {
    kind: oneOf(o.kind, `${path}.kind`, DATA_KINDS),
    source: oneOf(o.source, `${path}.source`, FINDING_SOURCES),
    name: text(o.name, `${path}.name`),
    shape: oneOf(o.shape, `${path}.shape`, VALUE_SHAPES),
    ...(o.address !== undefined ? { address: text(o.address, `${path}.address`, /^https?:\/\//, LIMIT.request) } : {}),
    ...(o.detail !== undefined ? { detail: text(o.detail, `${path}.detail`) } : {}),
  };
}

function event<F>(
  value: unknown,
  path: string,
  item: (v: unknown, p: string) => F,
): Omit<ExportEvent, 'findings'> & { findings: F[] } {
  const o = object(value, path, {
    required: [
      'time',
      'site',
      'organization',
      'kind',
      'category',
      'host',
      'path',
      'type',
      'method',
      'outcome',
      'dataKinds',
      'findings',
    ],
    optional: ['sentAt', 'cname', 'error', 'delivery', 'deliveryReason', 'consent', 'consentAt'],
  });
  return {
    time: time(o.time, `${path}.time`),
    ...(o.sentAt !== undefined ? { sentAt: time(o.sentAt, `${path}.sentAt`) } : {}),
    site: site(o.site, `${path}.site`),
    organization: organization(o.organization, `${path}.organization`),
    kind: oneOf(o.kind, `${path}.kind`, FLOW_KINDS),
    category: text(o.category, `${path}.category`, CATEGORY),
    host: host(o.host, `${path}.host`),
    ...(o.cname !== undefined ? { cname: host(o.cname, `${path}.cname`) } : {}),
    path: text(o.path, `${path}.path`),
    type: text(o.type, `${path}.type`, TYPE),
    method: text(o.method, `${path}.method`, METHOD, LIMIT.request),
    outcome: oneOf(o.outcome, `${path}.outcome`, ['completed', 'error'] as const),
    ...(o.error !== undefined ? { error: text(o.error, `${path}.error`) } : {}),
    ...(o.delivery !== undefined ? { delivery: oneOf(o.delivery, `${path}.delivery`, DELIVERIES) } : {}),
    ...(o.deliveryReason !== undefined
      ? { deliveryReason: oneOf(o.deliveryReason, `${path}.deliveryReason`, DELIVERY_REASONS) }
      : {}),
    dataKinds: list(o.dataKinds, `${path}.dataKinds`, (v, p) => oneOf(v, p, DATA_KINDS), LIMIT.list),
    findings: list(o.findings, `${path}.findings`, item, 50),
    ...(o.consent !== undefined ? { consent: requestConsent(o.consent, `${path}.consent`) } : {}),
    ...(o.consentAt !== undefined ? { consentAt: consentStamp(o.consentAt, `${path}.consentAt`) } : {}),
  };
}

// ---- consent (version 4): the decoded signals, each field bounded as the decoder bounds it ----

function integer(value: unknown, path: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    throw new ImportError(path, `must be a whole number from ${min} to ${max}`);
  return value;
}

function bool(value: unknown, path: string): boolean {
  if (typeof value !== 'boolean') throw new ImportError(path, 'must be true or false');
  return value;
}

const ids = (value: unknown, path: string, max: number, items: number) =>
  list(value, path, (v, p) => integer(v, p, 1, max), items);

/** Copies the optional boolean fields of `o` that are present, checked. */
function booleans<K extends string>(o: Json, path: string, keys: readonly K[]): Partial<Record<K, boolean>> {
  const out: Partial<Record<K, boolean>> = {};
  for (const key of keys) if (o[key] !== undefined) out[key] = bool(o[key], `${path}.${key}`);
  return out;
}

const GRANTED_OR_DENIED = ['granted', 'denied'] as const;
const GCM_TYPES = ['adStorage', 'analyticsStorage', 'adUserData', 'adPersonalization'] as const;
const GPP_SECTION_NAME = /^[a-z0-9]{1,32}$/;
const OPT_OUT_NAME = /^[A-Za-z]{1,64}$/;
/** The same expression is the schema's `consentStamp.cmp` pattern. */
const CMP = /^[A-Za-z0-9 :._/+-]{1,100}$/;

function requestConsent(value: unknown, path: string): RequestConsent {
  const o = object(value, path, { required: [], optional: ['tcf', 'gpp', 'usPrivacy', 'googleConsentMode', 'gpc'] });
  const out: RequestConsent = {};
  if (o.tcf !== undefined) {
    const p = `${path}.tcf`;
    const t = object(o.tcf, p, {
      required: ['cmpId', 'policyVersion', 'purposesConsent', 'purposesLegitimateInterest', 'specialFeatures'],
      optional: ['gdprApplies', 'vendorId', 'vendorConsent', 'vendorLegitimateInterest', 'additionalConsent'],
    });
    out.tcf = {
      ...booleans(t, p, ['gdprApplies'] as const),
      cmpId: integer(t.cmpId, `${p}.cmpId`, 0, 4095),
      policyVersion: integer(t.policyVersion, `${p}.policyVersion`, 0, 63),
      ...(t.vendorId !== undefined ? { vendorId: integer(t.vendorId, `${p}.vendorId`, 1, 65535) } : {}),
      ...booleans(t, p, ['vendorConsent', 'vendorLegitimateInterest'] as const),
      purposesConsent: ids(t.purposesConsent, `${p}.purposesConsent`, 24, 24),
      purposesLegitimateInterest: ids(t.purposesLegitimateInterest, `${p}.purposesLegitimateInterest`, 24, 24),
      specialFeatures: ids(t.specialFeatures, `${p}.specialFeatures`, 12, 12),
      ...(t.additionalConsent !== undefined
        ? { additionalConsent: ids(t.additionalConsent, `${p}.additionalConsent`, 999_999, 100) }
        : {}),
    };
  }
  if (o.gpp !== undefined) {
    const p = `${path}.gpp`;
    const g = object(o.gpp, p, { required: ['sectionIds', 'sections'] });
    out.gpp = {
      sectionIds: ids(g.sectionIds, `${p}.sectionIds`, 9999, 64),
      sections: list(
        g.sections,
        `${p}.sections`,
        (v, sp) => {
          const section = object(v, sp, { required: ['id', 'name', 'optOuts'] });
          const optOuts = section.optOuts;
          if (!optOuts || typeof optOuts !== 'object' || Array.isArray(optOuts))
            throw new ImportError(`${sp}.optOuts`, 'must be an object');
          const entries = Object.entries(optOuts);
          if (entries.length > 32) throw new ImportError(`${sp}.optOuts`, 'has more than 32 entries');
          return {
            id: integer(section.id, `${sp}.id`, 1, 9999),
            name: text(section.name, `${sp}.name`, GPP_SECTION_NAME),
            // Built as own properties: an opt-out named `__proto__` would be refused by its pattern anyway.
            optOuts: Object.fromEntries(
              entries.map(([k, b]) => [text(k, `${sp}.optOuts key`, OPT_OUT_NAME), bool(b, `${sp}.optOuts.${k}`)]),
            ),
          };
        },
        64,
      ),
    };
  }
  if (o.usPrivacy !== undefined) {
    const p = `${path}.usPrivacy`;
    const u = object(o.usPrivacy, p, { required: [], optional: ['notice', 'optOut', 'lspa'] });
    out.usPrivacy = booleans(u, p, ['notice', 'optOut', 'lspa'] as const);
  }
  if (o.googleConsentMode !== undefined) {
    const p = `${path}.googleConsentMode`;
    const g = object(o.googleConsentMode, p, { required: [], optional: [...GCM_TYPES, 'nonPersonalizedAds'] });
    const gcm: NonNullable<RequestConsent['googleConsentMode']> = {};
    for (const key of GCM_TYPES) if (g[key] !== undefined) gcm[key] = oneOf(g[key], `${p}.${key}`, GRANTED_OR_DENIED);
    out.googleConsentMode = { ...gcm, ...booleans(g, p, ['nonPersonalizedAds'] as const) };
  }
  if (o.gpc !== undefined) out.gpc = bool(o.gpc, `${path}.gpc`);
  return out;
}

function consentStamp(value: unknown, path: string): ExportConsentStamp {
  const o = object(value, path, { required: ['state'], optional: ['since', 'answeredAt', 'cmp'] });
  const state = oneOf(o.state, `${path}.state`, CONSENT_STATES);
  if (o.answeredAt !== undefined && state !== 'not-answered')
    throw new ImportError(`${path}.answeredAt`, 'is only on a not-answered state');
  return {
    state,
    ...(o.since !== undefined ? { since: time(o.since, `${path}.since`) } : {}),
    ...(o.answeredAt !== undefined ? { answeredAt: time(o.answeredAt, `${path}.answeredAt`) } : {}),
    ...(o.cmp !== undefined ? { cmp: text(o.cmp, `${path}.cmp`, CMP) } : {}),
  };
}

// ---- letters and contacts: the bounds lib/messages.ts sets on what "I sent it" stores ----

const { laws: LAWS, rights: RIGHTS, channels: CHANNELS, statuses: STATUSES } = LETTER_VALUES;
const keysOf = <T extends string>(r: Record<T, true>) => Object.keys(r) as T[];

/** A letter's body may be long; the same bound as the message that stores it. */
const LETTER_BODY = 1_000_000;
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const letterDay = (v: unknown, p: string) => text(v, p, DAY);

function evidenceSnapshot(value: unknown, path: string): NonNullable<ExportLetter['evidence']> {
  const o = object(value, path, {
    required: ['domains', 'sites', 'requests', 'firstSeen', 'lastSeen', 'categories', 'kinds', 'identifiers'],
  });
  const words = (v: unknown, p: string) => text(v, p);
  return {
    domains: list(o.domains, `${path}.domains`, words, 100_000),
    sites: list(o.sites, `${path}.sites`, words, 100_000),
    requests: count(o.requests, `${path}.requests`),
    firstSeen: time(o.firstSeen, `${path}.firstSeen`),
    lastSeen: time(o.lastSeen, `${path}.lastSeen`),
    categories: list(o.categories, `${path}.categories`, words, 100),
    kinds: list(o.kinds, `${path}.kinds`, words, 100),
    identifiers: list(
      o.identifiers,
      `${path}.identifiers`,
      (v, p) => {
        const c = object(v, p, { required: ['source', 'name', 'value'], optional: ['domain'] });
        return {
          source: text(c.source, `${p}.source`),
          name: text(c.name, `${p}.name`),
          value: text(c.value, `${p}.value`),
          ...(c.domain !== undefined ? { domain: text(c.domain, `${p}.domain`) } : {}),
        };
      },
      LIMIT.list,
    ),
  };
}

function letter(value: unknown, path: string): ExportLetter {
  const o = object(value, path, {
    required: [
      'reference',
      'company',
      'companyName',
      'jurisdiction',
      'language',
      'right',
      'channel',
      'recipient',
      'subject',
      'body',
      'textHash',
      'status',
      'createdAt',
      'history',
    ],
    optional: ['sentOn', 'country', 'extensionAnnouncedOn', 'identification', 'name', 'evidence'],
  });
  const optional = <K extends string, T>(key: K, check: (v: unknown, p: string) => T) =>
    (o[key] !== undefined ? { [key]: check(o[key], `${path}.${key}`) } : {}) as Partial<Record<K, T>>;
  return {
    reference: text(o.reference, `${path}.reference`, undefined, 100),
    company: text(o.company, `${path}.company`, ORGANIZATION, 200),
    companyName: text(o.companyName, `${path}.companyName`, undefined, 500),
    jurisdiction: oneOf(o.jurisdiction, `${path}.jurisdiction`, keysOf(LAWS)),
    language: text(o.language, `${path}.language`, undefined, 20),
    right: oneOf(o.right, `${path}.right`, keysOf(RIGHTS)),
    channel: oneOf(o.channel, `${path}.channel`, keysOf(CHANNELS)),
    recipient: text(o.recipient, `${path}.recipient`, undefined, 2000),
    subject: text(o.subject, `${path}.subject`, undefined, 2000),
    body: text(o.body, `${path}.body`, undefined, LETTER_BODY),
    textHash: text(o.textHash, `${path}.textHash`, /^[0-9a-f]{64}$/),
    status: oneOf(o.status, `${path}.status`, keysOf(STATUSES)),
    createdAt: time(o.createdAt, `${path}.createdAt`),
    ...optional('sentOn', letterDay),
    ...optional('country', (v, p) => text(v, p, undefined, 10)),
    ...optional('extensionAnnouncedOn', letterDay),
    ...optional('identification', (v, p) =>
      list(
        v,
        p,
        (item, ip) => {
          const i = object(item, ip, { required: ['requestedOn'], optional: ['providedOn'] });
          return {
            requestedOn: letterDay(i.requestedOn, `${ip}.requestedOn`),
            ...(i.providedOn !== undefined ? { providedOn: letterDay(i.providedOn, `${ip}.providedOn`) } : {}),
          };
        },
        LIMIT.list,
      ),
    ),
    ...optional('name', (v, p) => text(v, p, undefined, 500)),
    history: list(
      o.history,
      `${path}.history`,
      (item, ip) => {
        const h = object(item, ip, { required: ['at', 'status'], optional: ['note'] });
        return {
          at: time(h.at, `${ip}.at`),
          status: oneOf(h.status, `${ip}.status`, keysOf(STATUSES)),
          ...(h.note !== undefined ? { note: text(h.note, `${ip}.note`) } : {}),
        };
      },
      LIMIT.list,
    ),
    ...optional('evidence', evidenceSnapshot),
  };
}

function contact(value: unknown, path: string): ExportContact {
  const o = object(value, path, { required: ['company', 'value', 'updatedAt'], optional: ['representative'] });
  return {
    company: text(o.company, `${path}.company`, ORGANIZATION, 200),
    value: text(o.value, `${path}.value`, undefined, 2000),
    ...(o.representative !== undefined
      ? { representative: text(o.representative, `${path}.representative`, undefined, 2000) }
      : {}),
    updatedAt: time(o.updatedAt, `${path}.updatedAt`),
  };
}

/** What every file starts with: the format, its version, when and from which tracker list. */
export type ExportHeader = Pick<ExportFile, 'format' | 'exportedAt' | 'trackerData' | 'settings'> & {
  version: ReadableVersion;
};

function formatAndVersion(o: Json, path: string): ReadableVersion {
  if (o.format !== EXPORT_FORMAT)
    throw new ImportError(`${path}.format`, `must be "${EXPORT_FORMAT}": this is not a Disclosed export`);
  if (!READABLE_VERSIONS.includes(o.version as ReadableVersion)) {
    const versions = `${READABLE_VERSIONS.slice(0, -1).join(', ')} and ${READABLE_VERSIONS.at(-1)}`;
    throw new ImportError(
      `${path}.version`,
      `is ${JSON.stringify(o.version)}; this version of Disclosed reads versions ${versions}`,
    );
  }
  return o.version as ReadableVersion;
}

function headerOf(o: Json, path: string): ExportHeader {
  const version = formatAndVersion(o, path);
  const td = object(o.trackerData, `${path}.trackerData`, { required: ['name', 'version', 'license'] });
  return {
    format: EXPORT_FORMAT,
    version,
    exportedAt: time(o.exportedAt, `${path}.exportedAt`),
    trackerData: {
      name: text(td.name, `${path}.trackerData.name`),
      version: text(td.version, `${path}.trackerData.version`),
      license: text(td.license, `${path}.trackerData.license`),
    },
  };
}

const HEADER_FIELDS = { required: ['format', 'version', 'exportedAt', 'trackerData'] };

function settings(value: unknown, path: string): ExportSettings {
  const o = object(value, path, { required: [], optional: ['residence'] });
  return o.residence !== undefined ? { residence: oneOf(o.residence, `${path}.residence`, RESIDENCES) } : {};
}

/**
 * The first line of a file written in lines (versions 3 and 4): the header, checked. Anything else — a whole file in one
 * object, another JSON value — is `undefined`, for the caller to read the old way.
 */
export function validateHeaderLine(value: unknown): ExportHeader | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value) || 'flows' in value || 'events' in value)
    return undefined;
  const o = object(value, 'line 1', { ...HEADER_FIELDS, optional: ['settings'] });
  const header = headerOf(o, 'line 1');
  if (!LINE_VERSIONS.includes(header.version))
    throw new ImportError('line 1.version', `is ${header.version}: only versions 3 and 4 are written in lines`);
  return o.settings !== undefined ? { ...header, settings: settings(o.settings, 'line 1.settings') } : header;
}

/** One record of a file written in lines: what it is, and the entry itself. */
export type ExportRecord =
  | { flow: ExportFlow }
  | { attempt: ExportAttempt }
  | { day: ExportDay }
  | { event: ExportEvent }
  | { letter: ExportLetter }
  | { contact: ExportContact };

/** Checks one line after the header (`line` counts from 1, the header's): one record, its one key saying which. */
export function validateRecordLine(value: unknown, line: number): ExportRecord {
  const path = `line ${line}`;
  const o = object(value, path, {
    required: [],
    optional: ['flow', 'attempt', 'day', 'event', 'letter', 'contact'],
  });
  const keys = Object.keys(o);
  if (keys.length !== 1) throw new ImportError(path, 'must hold one flow, attempt, day, event, letter or contact');
  if ('flow' in o) return { flow: flow(o.flow, `${path}.flow`) };
  if ('attempt' in o) return { attempt: attempt(o.attempt, `${path}.attempt`) };
  if ('day' in o) return { day: day(o.day, `${path}.day`) };
  if ('letter' in o) return { letter: letter(o.letter, `${path}.letter`) };
  if ('contact' in o) return { contact: contact(o.contact, `${path}.contact`) };
  return { event: event(o.event, `${path}.event`, finding) };
}

/** Checks a parsed file against its version of the format (1 to 4); throws an ImportError that says where and what. */
export function validateExport(value: unknown): ReadableExport {
  const o = object(value, 'file', {
    required: [...HEADER_FIELDS.required, 'flows', 'days', 'events'],
    optional: ['attempts'],
  });
  const { version, ...header } = headerOf(o, 'file');
  const common: Omit<ExportFile, 'version' | 'events'> = {
    ...header,
    flows: list(o.flows, 'file.flows', flow),
    ...(o.attempts !== undefined ? { attempts: list(o.attempts, 'file.attempts', attempt) } : {}),
    days: list(o.days, 'file.days', day),
  };
  if (version === 1)
    return { ...common, version: 1, events: list(o.events, 'file.events', (v, p) => event(v, p, findingV1)) };
  const events = list(o.events, 'file.events', (v, p) => event(v, p, finding));
  return { ...common, version, events };
}
