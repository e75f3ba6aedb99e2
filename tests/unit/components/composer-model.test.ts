import { describe, expect, it } from 'vitest';
import {
  type ComposerAction,
  type ComposerInput,
  type ComposerState,
  candidatesOf,
  composerReducer,
  deriveLetter,
  initialComposerState,
  letterRequest,
  sentLetter,
  snapshotOf,
} from '../../../components/letters/composer-model.ts';
import { composeLetter } from '../../../lib/letters/compose.ts';
import type { GatheredEvidence } from '../../../lib/letters/evidence.ts';
import { letterLanguage } from '../../../lib/letters/languages.ts';
import { unlistedCompany } from '../../../lib/trackers/company.ts';

const gathered: GatheredEvidence = {
  evidence: {
    companyId: 'magnite',
    companyName: 'Magnite',
    domains: ['pixel.rubiconproject.com'],
    sites: ['news.example', 'health-clinic.example'],
    requests: 3,
    firstSeen: 1,
    lastSeen: 2,
    categories: ['advertising'],
    kinds: ['identifier'],
  },
  perSite: ['news.example', 'health-clinic.example'].map((site) => ({
    site,
    company: 'magnite',
    kind: 'tracker' as const,
    category: 'advertising',
    categories: { advertising: 1 },
    requests: 1,
    failed: 0,
    firstSeen: 1,
    lastSeen: 2,
    hosts: ['pixel.rubiconproject.com'],
    kinds: { identifier: { first: 1, last: 2 } },
  })),
  sensitiveSites: ['health-clinic.example'],
  requestIdentifiers: [{ source: 'request', name: 'xq_ref', value: 'a91c2e8f7d1e4f60' }],
};

const input = (more: Partial<ComposerInput> = {}): ComposerInput => ({
  company: {
    ...unlistedCompany('magnite'),
    name: 'Magnite',
    contact: { kind: 'email', value: 'privacy@magnite.com' },
  },
  gathered,
  cookies: [{ source: 'cookie', name: '_ga', value: 'GA1.2.555.777', domain: '.rubiconproject.com' }],
  reference: 'DSC-20261201-ABCDEF',
  today: '2026-12-01',
  extensionVersion: '1.0.0',
  uiLanguage: 'en',
  residence: 'DE',
  ...more,
});

const apply = (state: ComposerState, ...actions: ComposerAction[]) => actions.reduce(composerReducer, state);

/** The letter as the hook composes it for a state: the same request, through the real composer. */
async function composed(state: ComposerState, at = input()): Promise<ComposerState> {
  const derived = deriveLetter(state, at);
  const { evidence, cited, options } = letterRequest(state, at, candidatesOf(at), derived);
  const letter = await composeLetter(letterLanguage(derived.language), evidence, cited, options);
  return composerReducer(state, { type: 'composed', letter, cites: snapshotOf(evidence, cited) });
}

describe('the composer model', () => {
  it('starts from the tracker contact, or the person’s correction of it', () => {
    expect(initialComposerState(input()).contact).toBe('privacy@magnite.com');
    const corrected = initialComposerState(
      input({ correction: { value: 'dpo@magnite.example', representative: 'EU Rep' } }),
    );
    expect([corrected.contact, corrected.representative]).toEqual(['dpo@magnite.example', 'EU Rep']);
    const none = input();
    none.company = { ...none.company, contact: { kind: 'phone', value: '+1 555' } };
    expect(initialComposerState(none).contact).toBe('');
  });

  it('ticks the known tracking identifiers only, and toggles a choice on and off', () => {
    const state = initialComposerState(input());
    expect([...state.chosen]).toEqual(['cookie\n_ga\nGA1.2.555.777']);
    const ticked = apply(state, { type: 'toggle-identifier', key: 'request\nxq_ref\na91c2e8f7d1e4f60' });
    expect(ticked.chosen.size).toBe(2);
    const unticked = apply(ticked, { type: 'toggle-identifier', key: 'cookie\n_ga\nGA1.2.555.777' });
    expect([...unticked.chosen]).toEqual(['request\nxq_ref\na91c2e8f7d1e4f60']);
    // The state before stays as it was: a render never sees a set change under it.
    expect(state.chosen.size).toBe(1);
  });

  it('cites the chosen identifiers and the person’s own, and a sensitive site only once ticked', () => {
    let state = apply(
      initialComposerState(input()),
      { type: 'set', field: 'ip', value: ' 203.0.113.7 ' },
      { type: 'email-hashed', hash: 'abc123' },
    );
    const request = () => letterRequest(state, input(), candidatesOf(input()), deriveLetter(state, input()));
    expect(request().cited.map((c) => `${c.source}:${c.value}`)).toEqual([
      'cookie:GA1.2.555.777',
      'hashed-email:abc123',
      'ip:203.0.113.7',
    ]);
    expect(request().evidence.sites).toEqual(['news.example']);
    state = apply(state, { type: 'toggle-sensitive', site: 'health-clinic.example' });
    expect([...request().evidence.sites].sort()).toEqual(['health-clinic.example', 'news.example']);
    // Not an address: not cited.
    state = apply(state, { type: 'set', field: 'ip', value: 'my router' });
    expect(request().cited.map((c) => c.source)).toEqual(['cookie', 'hashed-email']);
  });

  it('keeps the language picked when a law it does not write is chosen, and returns to it after', () => {
    const german = apply(initialComposerState(input()), { type: 'set', field: 'chosenLanguage', value: 'de' });
    expect(deriveLetter(german, input()).language).toBe('de');
    const ccpa = apply(german, { type: 'set', field: 'jurisdiction', value: 'ccpa' });
    expect(deriveLetter(ccpa, input()).language).toBe('en');
    expect(deriveLetter(ccpa, input()).languages.map((l) => l.code)).not.toContain('de');
    const back = apply(ccpa, { type: 'set', field: 'jurisdiction', value: 'gdpr' });
    expect(deriveLetter(back, input()).language).toBe('de');
  });

  it('asks for erasure while the law does not grant the right picked, and for that right again once it does', () => {
    const withdrawal = apply(
      initialComposerState(input()),
      { type: 'set', field: 'jurisdiction', value: 'gdpr' },
      { type: 'set', field: 'requested', value: 'withdrawal' },
    );
    expect(deriveLetter(withdrawal, input()).right).toBe('withdrawal');
    const fadp = apply(withdrawal, { type: 'set', field: 'jurisdiction', value: 'fadp' });
    expect(deriveLetter(fadp, input()).right).toBe('erasure');
    expect(deriveLetter(apply(fadp, { type: 'set', field: 'jurisdiction', value: 'lgpd' }), input()).right).toBe(
      'withdrawal',
    );
  });

  it('keeps the person’s edits over a letter recomposed for another law or language, until they reset them', async () => {
    let state = await composed(
      apply(initialComposerState(input()), { type: 'set', field: 'jurisdiction', value: 'gdpr' }),
    );
    const first = deriveLetter(state, input());
    expect(first.body).toContain('GA1.2.555.777');
    state = apply(state, { type: 'edit', subject: first.subject, body: `${first.body}\nPS: by Friday, please.` });
    state = await composed(
      apply(
        state,
        { type: 'set', field: 'jurisdiction', value: 'uk-gdpr' },
        { type: 'set', field: 'chosenLanguage', value: 'en' },
      ),
    );
    state = await composed(apply(state, { type: 'set', field: 'chosenLanguage', value: 'de' }));
    // The German letter is composed, but the text shown (and sent) is still the person's.
    expect(state.letter?.body).not.toBe(first.body);
    expect(deriveLetter(state, input()).body).toBe(`${first.body}\nPS: by Friday, please.`);
    state = apply(state, { type: 'reset-text' });
    expect(deriveLetter(state, input()).body).toBe(state.letter?.body);
  });

  it('writes to the representative under a European law, to the contact under the CCPA', () => {
    const state = apply(initialComposerState(input()), {
      type: 'set',
      field: 'representative',
      value: ' rep@eu-rep.example ',
    });
    expect(deriveLetter(apply(state, { type: 'set', field: 'jurisdiction', value: 'gdpr' }), input()).recipient).toBe(
      'rep@eu-rep.example',
    );
    expect(deriveLetter(apply(state, { type: 'set', field: 'jurisdiction', value: 'ccpa' }), input()).recipient).toBe(
      'privacy@magnite.com',
    );
  });

  it('records nothing before the letter is composed or without a recipient, and a web form as a web form', async () => {
    const fresh = initialComposerState(input());
    expect(sentLetter(fresh, deriveLetter(fresh, input()))).toBeUndefined();
    const ready = await composed(fresh);
    const noRecipient = apply(ready, { type: 'set', field: 'contact', value: '  ' });
    expect(sentLetter(noRecipient, deriveLetter(noRecipient, input()))).toBeUndefined();
    const form = apply(
      ready,
      { type: 'set', field: 'contact', value: 'https://magnite.example/privacy-form' },
      { type: 'set', field: 'name', value: ' Erika ' },
      { type: 'set', field: 'sentOn', value: '2026-11-30' },
    );
    expect(sentLetter(form, deriveLetter(form, input()))).toMatchObject({
      recipient: 'https://magnite.example/privacy-form',
      channel: 'web-form',
      name: 'Erika',
      sentOn: '2026-11-30',
      evidence: ready.cites,
    });
  });

  it('says the contact was kept once it is saved', () => {
    const state = initialComposerState(input());
    expect(state.contactKept).toBe(false);
    expect(apply(state, { type: 'contact-kept' }).contactKept).toBe(true);
  });
});
