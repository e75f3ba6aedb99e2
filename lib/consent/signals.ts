/**
 * The consent signals one request carried, decoded: what the page's consent tool told the receiving company the
 * person chose. IAB TCF v2 strings and GPP strings are read with the IAB Tech Lab's own decoders; the small formats
 * (Google's Additional Consent, US Privacy, Google Consent Mode's `gcs`, `npa`) by the rules their owners publish.
 * Never throws: a value that is not a well-formed signal is "not decodable" and left out. The raw strings are never
 * kept (they carry the time the person answered, to the decisecond): only what they say.
 */

import { GppModel, Sections } from '@iabgpp/cmpapi';
import { TCString } from '@iabtechlabtcf/core';
import { ownCopy, type Parameter } from '../disclose/params.ts';
import { consentName } from '../disclose/rules.ts';
import { tcfVendorOf } from './tcf-vendors.ts';
import type { RequestConsent } from './types.ts';

/**
 * The longest value of each signal that is decoded. A TC string with every vendor of the list and its publisher
 * segment is under 2,000 characters; a GPP string holding it and US sections under 3,000; an Additional Consent
 * string of every Google ad tech provider under 10,000. Longer is not a real signal, and is not decoded at all.
 */
export const MAX_SIGNAL_CHARS = { tcf: 8192, gpp: 12_288, additionalConsent: 16_384, short: 64 } as const;
/**
 * Additional Consent provider ids kept on one request: the ids are not this company's (no public list maps
 * TrackerDB to Google's providers), so the first ones, in ascending order, are kept, not a page's whole list on
 * every event.
 */
export const MAX_ADDITIONAL_CONSENT_IDS = 100;

/** What kind of signal a parameter's name carries. */
type Signal = 'tcf' | 'gdpr' | 'ac' | 'gpp' | 'gppSid' | 'usp' | 'gcs' | 'npa';
const SIGNAL_OF: Readonly<Record<string, Signal>> = {
  gdpr_consent: 'tcf',
  gdprconsent: 'tcf',
  consent: 'tcf',
  consent_string: 'tcf',
  consentstring: 'tcf',
  tcf: 'tcf',
  tc_string: 'tcf',
  tcstring: 'tcf',
  gdpr: 'gdpr',
  gdpr_applies: 'gdpr',
  gdprapplies: 'gdpr',
  addtl_consent: 'ac',
  addtlconsent: 'ac',
  gpp: 'gpp',
  gpp_string: 'gpp',
  gppstring: 'gpp',
  gpp_sid: 'gppSid',
  gppsid: 'gppSid',
  us_privacy: 'usp',
  usprivacy: 'usp',
  usp: 'usp',
  gcs: 'gcs',
  npa: 'npa',
};

/** The names decoded here, for a test that checks the disclosure hands each one on. */
export const SIGNAL_NAMES: readonly string[] = Object.keys(SIGNAL_OF);

/** What a request is read for: its consent parameters (see `Disclosure.consent`) and its `Sec-GPC` header. */
export interface ConsentInput {
  parameters?: readonly Pick<Parameter, 'name' | 'value'>[];
  gpc?: boolean;
  /** The receiving company (an organization id): whose vendor consent the TC string is read for. */
  company: string;
  /** The request's host name: a few organizations are different vendors on different hosts (tcf-vendors.ts). */
  host?: string;
}

/** The consent signals of one request, as they concern `company`; undefined when it carried none that decode. */
export function requestConsent(input: ConsentInput): RequestConsent | undefined {
  try {
    return decodeSignals(input);
  } catch {
    // Each decoder catches its own failures; this is the last guard: a page must not break the recording.
    return input.gpc ? { gpc: true } : undefined;
  }
}

function decodeSignals({ parameters = [], gpc, company, host }: ConsentInput): RequestConsent | undefined {
  // Each signal's values in the order sent: the first that decodes counts (a generic name such as `consent` may
  // hold something else first).
  const raw: Partial<Record<Signal, string[]>> = {};
  for (const p of parameters) {
    const name = consentName(p.name);
    const signal = name === undefined ? undefined : SIGNAL_OF[name];
    const value = signal && typeof p.value === 'string' ? p.value.trim() : '';
    if (!signal || !value) continue;
    const values = raw[signal];
    if (values) values.push(value);
    else raw[signal] = [value];
  }
  const first = <T>(signal: Signal, read: (value: string) => T | undefined): T | undefined => {
    for (const value of raw[signal] ?? []) {
      const read1 = read(value);
      if (read1 !== undefined) return read1;
    }
    return undefined;
  };

  const out: RequestConsent = {};
  // `gpp_sid` is one text (`2,7`) in an address, a list of numbers in a JSON body (`regs.gpp_sid[0]`, `[1]`…).
  const sids = raw.gppSid;
  const sid = sids && sids.length > 1 && sids.every((v) => /^\d{1,4}$/.test(v)) ? sids.join(',') : sids?.[0];
  const gpp = first('gpp', (value) => decodeGpp(value, sid));
  if (gpp) out.gpp = gpp.summary;
  // A GPP string may carry the TC string as its section 2 (`tcfeuv2`): the same string, read the same way.
  const tcf = first('tcf', tcfFacts) ?? (gpp?.tcfSection !== undefined ? tcfFacts(gpp.tcfSection) : undefined);
  if (tcf) {
    const vendorId = tcfVendorOf(company, host);
    const gdprApplies = first('gdpr', flag);
    const additionalConsent = first('ac', decodeAdditionalConsent);
    out.tcf = {
      ...(gdprApplies !== undefined ? { gdprApplies } : {}),
      cmpId: tcf.cmpId,
      policyVersion: tcf.policyVersion,
      ...(vendorId !== undefined
        ? {
            vendorId,
            vendorConsent: tcf.vendorConsents.has(vendorId),
            vendorLegitimateInterest: tcf.vendorLegitimateInterests.has(vendorId),
          }
        : {}),
      purposesConsent: [...tcf.purposesConsent],
      purposesLegitimateInterest: [...tcf.purposesLegitimateInterest],
      specialFeatures: [...tcf.specialFeatures],
      ...(additionalConsent ? { additionalConsent } : {}),
    };
  }
  const usPrivacy = first('usp', decodeUsPrivacy);
  if (usPrivacy) out.usPrivacy = usPrivacy;
  const gcm = googleConsentMode(first('gcs', gcsOf), first('npa', npaOf));
  if (gcm) out.googleConsentMode = gcm;
  if (gpc) out.gpc = true;
  return Object.keys(out).length ? out : undefined;
}

/** `1`/`true` and `0`/`false`, as the `gdpr` parameter is written in addresses and in JSON bodies. */
function flag(value: string): boolean | undefined {
  if (value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  return undefined;
}

// ---- IAB TCF v2 (`gdpr_consent`), with @iabtechlabtcf/core ----

/** What a TC string says, independent of the company it is sent to. */
interface TcfFacts {
  cmpId: number;
  policyVersion: number;
  purposesConsent: readonly number[];
  purposesLegitimateInterest: readonly number[];
  specialFeatures: readonly number[];
  vendorConsents: { has(id: number): boolean };
  vendorLegitimateInterests: { has(id: number): boolean };
}

/** A TC string is base64url, its segments joined by dots; a v2 core segment starts with `C` (version 2's bits). */
const TC_STRING = /^C[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;

/**
 * A page sends one TC string with request after request, to company after company: each is decoded once (the memo
 * is emptied when full, and holds only strings short enough to decode).
 */
const tcfMemo = new Map<string, TcfFacts | null>();
const MEMO_ENTRIES = 32;

function tcfFacts(value: string): TcfFacts | undefined {
  if (value.length > MAX_SIGNAL_CHARS.tcf || !TC_STRING.test(value)) return undefined;
  const known = tcfMemo.get(value);
  if (known !== undefined) return known ?? undefined;
  const facts = decodeTcf(value);
  if (tcfMemo.size >= MEMO_ENTRIES) tcfMemo.clear();
  tcfMemo.set(ownCopy(value), facts ?? null);
  return facts;
}

function decodeTcf(value: string): TcfFacts | undefined {
  try {
    const model = TCString.decode(value);
    const cmpId = Number(model.cmpId);
    const policyVersion = Number(model.policyVersion);
    if (Number(model.version) !== 2 || !Number.isInteger(cmpId) || !Number.isInteger(policyVersion)) return undefined;
    return {
      cmpId,
      policyVersion,
      purposesConsent: idsOf(model.purposeConsents),
      purposesLegitimateInterest: idsOf(model.purposeLegitimateInterests),
      specialFeatures: idsOf(model.specialFeatureOptins),
      vendorConsents: model.vendorConsents,
      vendorLegitimateInterests: model.vendorLegitimateInterests,
    };
  } catch {
    return undefined;
  }
}

/** The ids a vector holds, ascending. */
function idsOf(vector: { forEach(callback: (value: boolean, id: number) => void): void }): number[] {
  const ids: number[] = [];
  vector.forEach((set, id) => {
    if (set) ids.push(id);
  });
  return ids;
}

// ---- Google's Additional Consent (`addtl_consent`) ----

/**
 * Google's Additional Consent Mode string: a version, `~`, the consented providers' ids joined by dots; version 2
 * adds `~dv.` and the ids of providers disclosed without consent (`2~1.35~dv.9.21`), which are not consent and are not
 * kept. Ids are positive whole numbers; anything else makes the string not decodable.
 */
function decodeAdditionalConsent(value: string): number[] | undefined {
  if (value.length > MAX_SIGNAL_CHARS.additionalConsent) return undefined;
  const parts = value.split('~');
  const version = parts[0];
  if ((version === '1' && parts.length !== 2) || (version === '2' && parts.length !== 3)) return undefined;
  if (version !== '1' && version !== '2') return undefined;
  if (version === '2' && !/^dv\.(?:[1-9]\d{0,5}(?:\.[1-9]\d{0,5})*)?$/.test(parts[2] ?? '')) return undefined;
  const consented = parts[1] ?? '';
  if (consented === '') return [];
  if (!/^[1-9]\d{0,5}(?:\.[1-9]\d{0,5})*$/.test(consented)) return undefined;
  const ids = [...new Set(consented.split('.').map(Number))].sort((a, b) => a - b);
  return ids.length > MAX_ADDITIONAL_CONSENT_IDS ? ids.slice(0, MAX_ADDITIONAL_CONSENT_IDS) : ids;
}

// ---- GPP (`gpp`, `gpp_sid`), with @iabgpp/cmpapi ----

/** A GPP string: a header section (its type, 3, makes it start with `D`), then sections, joined by `~`. */
const GPP_STRING = /^D[A-Za-z0-9_-]+(?:[~.][A-Za-z0-9_-]*)*$/;
/** `gpp_sid`: section ids joined by commas (or underscores, as some ad servers write them); `-1` for none. */
const GPP_SID = /^(?:-1|\d{1,4}(?:[,_]\d{1,4}){0,63})$/;

const SECTION_NAMES = Sections.SECTION_ID_NAME_MAP as Map<number, string>;

type DecodedGpp = { summary: NonNullable<RequestConsent['gpp']>; tcfSection?: string };

/** A page's GPP string comes with request after request too (decoding one costs a few hundred µs): the same memo. */
const gppMemo = new Map<string, DecodedGpp | null>();

function decodeGpp(value: string, sid: string | undefined): DecodedGpp | undefined {
  if (value.length > MAX_SIGNAL_CHARS.gpp || !GPP_STRING.test(value)) return undefined;
  const key = `${sid ?? ''}~~${value}`;
  const known = gppMemo.get(key);
  if (known !== undefined) return known ? copyGpp(known) : undefined;
  const decoded = decodeGppString(value, sid);
  if (gppMemo.size >= MEMO_ENTRIES) gppMemo.clear();
  gppMemo.set(ownCopy(key), decoded ?? null);
  return decoded ? copyGpp(decoded) : undefined;
}

/** A copy for one event: each event's record is its own (a later change to one must not reach the memo). */
function copyGpp({ summary, tcfSection }: DecodedGpp): DecodedGpp {
  return {
    summary: {
      sectionIds: [...summary.sectionIds],
      sections: summary.sections.map((s) => ({ ...s, optOuts: { ...s.optOuts } })),
    },
    ...(tcfSection !== undefined ? { tcfSection } : {}),
  };
}

function decodeGppString(value: string, sid: string | undefined): DecodedGpp | undefined {
  let model: GppModel;
  let ids: number[];
  try {
    model = new GppModel(value);
    ids = (model.getSectionIds() as unknown[]).filter((id): id is number => Number.isInteger(id));
  } catch {
    return undefined;
  }
  const parts = value.split('~');
  // The header is the first part; each section id it lists is the next part, in order.
  if (parts.length !== ids.length + 1) return undefined;
  const sections: NonNullable<RequestConsent['gpp']>['sections'] = [];
  let tcfSection: string | undefined;
  for (const [i, id] of ids.entries()) {
    const name = SECTION_NAMES.get(id);
    if (!name) continue;
    if (id === 2) tcfSection = parts[i + 1];
    try {
      sections.push({ id, name, optOuts: optOutsOf(model.getSection(name)) });
    } catch {
      // One section that does not decode leaves the others.
    }
  }
  const sectionIds = sid !== undefined && GPP_SID.test(sid) ? sidsOf(sid) : ids;
  return { summary: { sectionIds, sections }, ...(tcfSection ? { tcfSection } : {}) };
}

function sidsOf(sid: string): number[] {
  if (sid === '-1') return [];
  return [...new Set(sid.split(/[,_]/).map(Number))];
}

/**
 * The opt-outs a section records. US sections (`usnat`, `usca`…) write each as a number — 1 opted out, 2 did not,
 * 0 not applicable (left out); the older `uspv1` section writes `Y`/`N`/`-`. TCF sections record no opt-outs.
 */
function optOutsOf(section: unknown): Record<string, boolean> {
  const optOuts: Record<string, boolean> = {};
  if (!section || typeof section !== 'object') return optOuts;
  for (const [field, value] of Object.entries(section as Record<string, unknown>)) {
    if (!/OptOut$|^OptOut/.test(field) || /Notice$/.test(field)) continue;
    if (value === 1 || value === 'Y') optOuts[field] = true;
    else if (value === 2 || value === 'N') optOuts[field] = false;
  }
  return optOuts;
}

// ---- US Privacy (`us_privacy`) ----

/**
 * The IAB's CCPA string: version 1, then notice given, opted out of sale, covered by the LSPA, each `Y`, `N` or `-`
 * (not applicable).
 */
function decodeUsPrivacy(value: string): RequestConsent['usPrivacy'] {
  if (value.length !== 4 || !/^1[YN-]{3}$/i.test(value)) return undefined;
  const yes = (c: string) => (c === 'Y' ? true : c === 'N' ? false : undefined);
  const [notice, optOut, lspa] = [...value.slice(1).toUpperCase()].map(yes);
  return {
    ...(notice !== undefined ? { notice } : {}),
    ...(optOut !== undefined ? { optOut } : {}),
    ...(lspa !== undefined ? { lspa } : {}),
  };
}

// ---- Google Consent Mode (`gcs`, `npa`) ----

/**
 * `gcs=G1xy`: x is ad_storage, y analytics_storage, 1 granted and 0 denied. `npa=1`: the ad request asked for
 * non-personalised ads. `gcd` (the four types with their defaults and updates) is not decoded: Google does not publish
 * its format, and the letters' meanings circulate only as others' reverse engineering, which disagree.
 */
function gcsOf(value: string): { adStorage: 'granted' | 'denied'; analyticsStorage: 'granted' | 'denied' } | undefined {
  if (value.length !== 4 || !/^G1[01]{2}$/.test(value)) return undefined;
  return {
    adStorage: value[2] === '1' ? 'granted' : 'denied',
    analyticsStorage: value[3] === '1' ? 'granted' : 'denied',
  };
}

function npaOf(value: string): boolean | undefined {
  return value === '1' ? true : value === '0' ? false : undefined;
}

function googleConsentMode(
  gcs: ReturnType<typeof gcsOf>,
  npa: boolean | undefined,
): RequestConsent['googleConsentMode'] {
  if (!gcs && npa === undefined) return undefined;
  return { ...gcs, ...(npa !== undefined ? { nonPersonalizedAds: npa } : {}) };
}
