import type { ConsentEventText, LawText, LetterLanguage } from '../language.ts';
import { byArticle, closed, timelineBlock } from '../language.ts';
import { FADP_ANCHORS, type FadpAnchor, GDPR_ANCHORS, type GdprAnchor } from '../laws.ts';

/** «art. 17, par. 1, lett. b), del GDPR», «art. 4, n. 1, del GDPR», «considerando 30 del GDPR». */
function regolamento(id: string): string {
  if (id.startsWith('rec')) return `considerando ${id.slice(3)} del GDPR`;
  const [art = '', ...rest] = id.replace(/^art/, '').split('_');
  const parts = rest.map((r) => parte(art, r));
  return parts.length ? [`art. ${art}`, ...parts, 'del GDPR'].join(', ') : `art. ${art} del GDPR`;
}

const parte = (art: string, r: string) => (/^\d+$/.test(r) ? (art === '4' ? `n. ${r}` : `par. ${r}`) : `lett. ${r})`);

/** Più disposizioni, il GDPR nominato una volta: «art. 11, par. 2, e art. 12, par. 2 e 6, del GDPR». */
function regolamentoInsieme(ids: readonly GdprAnchor[]): string {
  const groups = byArticle(ids).map(([art, tails]) =>
    [
      `art. ${art}`,
      tails.map((t, i) => t.map((r, j) => (i > 0 && j === 0 ? r : parte(art, r))).join(', ')).join(' e '),
    ].join(', '),
  );
  return `${groups.slice(0, -1).join(', ')}${groups.length > 1 ? ', e ' : ''}${groups[groups.length - 1]}, del GDPR`;
}
const identificazione = regolamentoInsieme(['art11_2', 'art12_2', 'art12_6']);

/** Swiss usage: «art. 30 cpv. 2 lett. b LPD», «art. 5 lett. a LPD». */
function lpd(id: string): string {
  const [art, ...rest] = id.replace(/^art/, '').split('_');
  const parts = rest.map((r) => (/^\d+$/.test(r) ? `cpv. ${r}` : `lett. ${r}`));
  return ['art.', art, ...parts, 'LPD'].join(' ');
}

/** «il GDPR» → «del GDPR», «la LPD» → «della LPD». */
const del = (law: string) => (law.startsWith('il ') ? `del ${law.slice(3)}` : `della ${law.slice(3)}`);
const capital = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;
/** A date after «del» or «il»: «del 1° ottobre», but «dell’8 ottobre», «l’11 ottobre». */
const delGiorno = (date: string) => (/^(8|11) /.test(date) ? `dell’${date}` : `del ${date}`);
const ilGiorno = (date: string) => (/^(8|11) /.test(date) ? `l’${date}` : `il ${date}`);

const tracciamento =
  'i segmenti, le categorie di interesse e le altre inferenze che avete ricavato su di me, gli identificativi dei partner con cui avete sincronizzato i miei, le richieste di offerta (bid request) in cui sono stati trasmessi i miei dati, nonché i siti web e le app in cui sono stati raccolti';

const gdprCite = Object.fromEntries(GDPR_ANCHORS.map((id) => [id, regolamento(id)])) as Record<GdprAnchor, string>;

const termine = (c: Record<GdprAnchor, string>) =>
  `Vi chiedo di dare riscontro alla presente richiesta senza ingiustificato ritardo e, comunque, al più tardi entro un mese dal suo ricevimento (${c.art12_3}). Qualora non intendiate ottemperarvi, Vi chiedo di informarmi, entro lo stesso termine, dei motivi dell’inottemperanza e della possibilità di proporre reclamo a un’autorità di controllo e di proporre ricorso giurisdizionale (${c.art12_4}). Il riscontro deve essere fornito gratuitamente (${c.art12_5}).`;
const ambito = (c: Record<GdprAnchor, string>) =>
  `in relazione a ogni servizio per il quale agite in qualità di titolare del trattamento (${c.art4_7}), ivi compresi, a titolo esemplificativo e non esaustivo, i dati indicati di seguito`;

const gdpr: LawText<GdprAnchor> = {
  cite: gdprCite,
  cites: regolamentoInsieme,
  rights: {
    erasure: {
      subject: (f) => `Richiesta di cancellazione dei dati personali — rif. ${f.reference}`,
      body: (c, x) => {
        const motivi = [
          `Qualora Vi abbia prestato il consenso a un qualsiasi trattamento, lo revoco con la presente (${c.art7_3}); ove non sussista altro fondamento giuridico per il trattamento, la cancellazione è dovuta ai sensi dell’${c.art17_1_b}.`,
        ];
        if (x.grounds.includes('marketing'))
          motivi.push(
            `Mi oppongo al trattamento dei miei dati per finalità di marketing diretto, compresa la profilazione nella misura in cui sia connessa a tale marketing diretto (${c.art21_2}); i dati non potranno più essere trattati per tali finalità (${c.art21_3}) e la cancellazione è dovuta ai sensi dell’${c.art17_1_c}.`,
          );
        if (x.grounds.includes('particular'))
          motivi.push(
            `Mi oppongo inoltre, per motivi connessi alla mia situazione particolare, a qualsiasi trattamento che fondiate sul legittimo interesse Vostro o di terzi (${c.art21_1}): ${x.reason} Salvo che dimostriate l’esistenza di motivi legittimi cogenti per procedere al trattamento che prevalgano sui miei interessi, diritti e libertà, la cancellazione è dovuta anche ai sensi dell’${c.art17_1_c}.`,
          );
        return [
          `Ai sensi dell’${c.art17}, Vi chiedo di cancellare senza ingiustificato ritardo tutti i dati personali che mi riguardano da Voi trattati, ${ambito(c)}.`,
          motivi.join(' '),
          // What was observed and the resident's rule: a paragraph of its own, after the grounds it adds to.
          ...(x.grounds.includes('unlawful') && x.unlawful
            ? [
                `${x.unlawful.observed} Ai sensi della norma vigente nel mio Paese di residenza (${x.unlawful.rule}), l’archiviazione di informazioni nel mio apparecchio terminale, o l’accesso a informazioni già archiviate in esso, richiede il mio previo consenso, salvo che sia strettamente necessario per fornire un servizio da me espressamente richiesto, il che non vale per l’invio dei Vostri cookie o identificativi ai Vostri server. Come risulta da quanto sopra, al momento dell’invio di tali richieste di rete non avevo prestato ${x.unlawful.sites === 1 ? 'su quel sito' : 'su quei siti'} alcun consenso a favore della Vostra società. I dati così ottenuti sono pertanto privi di base giuridica ai sensi dell’${c.art6_1}, essendo il consenso (${c.art6_1_a}) l’unica base possibile; sono trattati illecitamente (${c.art5_1_a}) e devono essere cancellati ai sensi dell’${c.art17_1_d}.`,
              ]
            : []),
          `A mio avviso non ricorre alcuna delle eccezioni di cui all’${c.art17_3}. Qualora intendiate avvalervi di una di esse, Vi prego di indicarla e di cancellare tutti i dati che non vi rientrano. Vi chiedo inoltre di comunicare la cancellazione a ciascuno dei destinatari cui i dati sono stati trasmessi e di indicarmi tali destinatari (${c.art19}). Vi prego infine di confermarmi per iscritto l’avvenuta cancellazione, indicando gli identificativi cui i dati erano associati.`,
          termine(c),
        ];
      },
    },
    access: {
      subject: (f) => `Richiesta di accesso ai dati personali — rif. ${f.reference}`,
      body: (c) => [
        `Ai sensi dell’${c.art15_1}, Vi chiedo di confermarmi se sia in corso un trattamento di dati personali che mi riguardano e, in tal caso, di consentirmi l’accesso a tali dati e di fornirmene copia (${c.art15_3}), ${ambito(c)}. Rientrano nella richiesta ${tracciamento}.`,
        `Vi chiedo altresì di comunicarmi (${c.art15_1}): a) le finalità di ciascun trattamento; b) le categorie di dati personali in questione; c) i destinatari a cui i dati sono stati o saranno comunicati, indicati nominativamente, compresi i partecipanti alle aste in tempo reale (real-time bidding) e i partner con cui avete sincronizzato identificativi; d) il periodo di conservazione previsto oppure, se non è possibile, i criteri utilizzati per determinarlo; e) l’esistenza del diritto di chiedere la rettifica o la cancellazione dei dati o la limitazione del trattamento, o di opporsi al trattamento; f) il diritto di proporre reclamo a un’autorità di controllo; g) qualora i dati non siano stati raccolti presso di me, tutte le informazioni disponibili sulla loro origine, compresi i siti web e le app interessati; h) l’esistenza di un processo decisionale automatizzato, compresa la profilazione, e, in tal caso, informazioni significative sulla logica utilizzata, nonché l’importanza e le conseguenze previste di tale trattamento per me. Qualora i dati siano trasferiti verso un paese terzo o un’organizzazione internazionale, Vi chiedo di indicarmi le garanzie adeguate relative al trasferimento (${c.art15_2}).`,
        termine(c),
      ],
    },
    objection: {
      subject: (f) => `Opposizione al trattamento dei dati personali — rif. ${f.reference}`,
      body: (c, x) => [
        `Mi oppongo al trattamento dei miei dati personali per finalità di marketing diretto, compresa la profilazione nella misura in cui sia connessa a tale marketing diretto (${c.art21_2}). Dal ricevimento della presente i miei dati non potranno più essere trattati per tali finalità (${c.art21_3}).`,
        `Nella misura in cui trattiate i miei dati per altre finalità sulla base del legittimo interesse Vostro o di terzi, mi oppongo anche a tale trattamento per motivi connessi alla mia situazione particolare (${c.art21_1})${x.reason ? `: ${x.reason}` : ', che illustrerò su Vostra richiesta.'} In attesa della verifica in merito all’eventuale prevalenza dei Vostri motivi legittimi rispetto ai miei, Vi chiedo di limitare tale trattamento (${c.art18_1_d}).`,
        `Vi prego di confermarmi per iscritto quali trattamenti avete cessato o limitato. ${termine(c)}`,
      ],
    },
    withdrawal: {
      subject: (f) => `Revoca del consenso — rif. ${f.reference}`,
      body: (c) => [
        `Revoco ogni consenso che Vi abbia eventualmente prestato al trattamento dei miei dati personali, compreso il consenso all’archiviazione di informazioni nel mio dispositivo e all’accesso a informazioni già archiviate (${c.art7_3}). La revoca ha effetto dal ricevimento della presente: da quel momento dovrete cessare ogni trattamento basato su tale consenso.`,
        'Vi prego di darmene conferma per iscritto.',
      ],
    },
  },
  identification: (c) =>
    `Gli identificativi indicati di seguito sono stati impostati o raccolti da Voi, o per Vostro conto, per riconoscere il mio browser; gli identificativi online di questo tipo sono dati personali (${c.art4_1}; ${c.rec30}). Vi invito a utilizzarli per individuare i dati in questione. Qualora Vi occorrano ulteriori informazioni per identificarmi, Vi prego di indicarmi quale identificativo Vi serve e in che modo posso trasmetterlo; potete chiedere soltanto le informazioni necessarie per confermare la mia identità (${identificazione}).`,
  noIdentifier: (c) =>
    `La presente non riporta alcun identificativo. I cookie e gli altri identificativi che abbiate eventualmente impostato nel mio browser per riconoscerlo sono dati personali (${c.art4_1}; ${c.rec30}). Se mettete a disposizione una pagina che mostri l’identificativo assegnato al mio browser, Vi prego di indicarmene l’indirizzo; in caso contrario, di indicarmi quale identificativo Vi serve e in che modo posso trasmetterlo (${identificazione}).`,
  representative: (c) =>
    `La presente Vi è indirizzata in qualità di rappresentante nell’Unione del titolare del trattamento (${c.art27}); Vi prego di trasmetterla senza indugio al titolare.`,
  roles: (c) => ({
    law: 'il GDPR',
    identify: regolamentoInsieme(['art11_2', 'art12_6']),
    personalData: c.art4_1,
    free: c.art12_5,
    erasure: c.art17,
    exceptions: c.art17_3,
    processor: c.art28_3_e,
    complaint: c.art77,
    order: c.art58_2_c,
    updates: regolamentoInsieme(['art77_2', 'art78_2']),
    escalate: 'proporrò reclamo all’autorità di controllo competente',
  }),
};

const fadpCite = Object.fromEntries(FADP_ANCHORS.map((id) => [id, lpd(id)])) as Record<FadpAnchor, string>;

const senzaTermine =
  'La LPD non fissa un termine per dare seguito a tale richiesta; Vi chiedo di farlo entro 30 giorni dal suo ricevimento, senza spese.';

const fadp: LawText<FadpAnchor> = {
  cite: fadpCite,
  rights: {
    erasure: {
      subject: (f) => `Richiesta di cancellazione di dati personali — rif. ${f.reference}`,
      body: (c) => [
        `Vi chiedo di cancellare tutti i dati personali che mi concernono (${c.art5_a}), trattati in relazione a ogni servizio per il quale agite in qualità di titolare del trattamento (art. 5 lett. j LPD), ivi compresi, a titolo esemplificativo e non esaustivo, i dati indicati di seguito; in mancanza, mi riservo di chiederne in giudizio la cancellazione o la distruzione (${c.art32_2_c}). Mi oppongo espressamente a qualsiasi ulteriore trattamento e, qualora abbia prestato il consenso, lo revoco con la presente. Il trattamento dei miei dati contro la mia volontà esplicita costituisce una lesione della mia personalità (${c.art30_2_b}), illecita se non è giustificata da un interesse preponderante privato o pubblico o dalla legge (${c.art31}).`,
        `A mio avviso non sussiste alcun motivo giustificativo. Qualora ne invochiate uno, Vi prego di indicarlo e di cancellare tutti i dati che non vi rientrano. Vi chiedo inoltre di informare della cancellazione i terzi ai quali avete comunicato i dati (cfr. ${c.art32_4}) e di indicarmi chi sono. Vi prego infine di confermarmi per iscritto l’avvenuta cancellazione, indicando gli identificativi cui i dati erano associati.`,
        senzaTermine,
      ],
    },
    access: {
      subject: (f) => `Domanda d’accesso ai sensi dell’art. 25 LPD — rif. ${f.reference}`,
      body: (c) => [
        `Ai sensi dell’${c.art25}, Vi chiedo di comunicarmi se trattate dati personali che mi concernono (${c.art5_a}) e, in caso affermativo, di fornirmi le informazioni necessarie per far valere i miei diritti e, in ogni caso, quelle di cui all’${c.art25_2}: a) la Vostra identità e i Vostri dati di contatto; b) i dati personali trattati in quanto tali, compresi ${tracciamento}; c) lo scopo del trattamento; d) la durata di conservazione dei dati o, se ciò non è possibile, i criteri per stabilirla; e) le informazioni disponibili sulla provenienza dei dati, nella misura in cui non sono stati raccolti presso di me; f) se del caso, l’esistenza di una decisione individuale automatizzata e la logica su cui si fonda; g) se del caso, i destinatari o le categorie di destinatari, indicati nominativamente se noti, compresi i partecipanti alle aste in tempo reale (real-time bidding) e i partner con cui avete sincronizzato identificativi. Qualora i dati siano comunicati all’estero, Vi chiedo di indicarmi anche lo Stato o l’organismo internazionale e, se del caso, le garanzie o l’eccezione su cui si fonda la comunicazione (${c.art19_4}).`,
        `Le informazioni vanno fornite gratuitamente (${c.art25_6}) e, di norma, entro 30 giorni (${c.art25_7}).`,
      ],
    },
    objection: {
      subject: (f) => `Opposizione al trattamento di dati personali — rif. ${f.reference}`,
      body: (c) => [
        `Mi oppongo espressamente a qualsiasi trattamento dei miei dati personali (${c.art5_a}) a fini pubblicitari e di profilazione, nonché alla loro comunicazione a terzi. Il trattamento dei miei dati contro la mia volontà esplicita costituisce una lesione della mia personalità (${c.art30_2_b}). Vi chiedo di cessare tale trattamento, di cancellare i dati così trattati (${c.art32_2_c}) e di confermarmelo per iscritto.`,
        senzaTermine,
      ],
    },
  },
  identification: (c) =>
    `Gli identificativi indicati di seguito sono stati impostati o raccolti da Voi, o per Vostro conto, per riconoscere il mio browser; si riferiscono a me e sono dati personali (${c.art5_a}). Vi invito a utilizzarli per individuare i dati in questione. Qualora Vi occorrano ulteriori informazioni per identificarmi, Vi prego di indicarmi quale identificativo Vi serve e in che modo posso trasmetterlo.`,
  noIdentifier: (c) =>
    `La presente non riporta alcun identificativo. I cookie e gli altri identificativi che abbiate eventualmente impostato nel mio browser per riconoscerlo sono dati personali (${c.art5_a}). Se mettete a disposizione una pagina che mostri l’identificativo assegnato al mio browser, Vi prego di indicarmene l’indirizzo; in caso contrario, di indicarmi quale identificativo Vi serve e in che modo posso trasmetterlo.`,
  representative: (c) =>
    `La presente Vi è indirizzata in qualità di rappresentante del titolare del trattamento in Svizzera (${c.art14}); Vi prego di trasmetterla senza indugio al titolare.`,
  roles: (c) => ({
    law: 'la LPD',
    identify: c.art25,
    personalData: c.art5_a,
    free: c.art25_6,
    freeRights: ['access'],
    erasure: c.art32_2_c,
    exceptions: c.art31,
    complaint: c.art49,
    order: c.art51,
    updates: c.art49_4,
    report: true,
    escalate: 'presenterò denuncia all’Incaricato federale della protezione dei dati e della trasparenza (IFPDT)',
  }),
};

const number = (n: number) => new Intl.NumberFormat('it-IT').format(n);

const answers = {
  none: 'nessuno.',
  refused: 'la richiesta è stata respinta.',
  identification: 'mi sono state chieste, per identificarmi, informazioni eccedenti quelle necessarie.',
  partial: 'il riscontro è stato incompleto.',
};

const identity = (share: boolean, report = false) => {
  const procedura = report ? 'l’inchiesta' : 'l’istruttoria';
  return share
    ? `Acconsento a che la mia identità sia comunicata al titolare del trattamento ai fini dell${procedura.slice(1)}.`
    : `Chiedo che la mia identità non sia comunicata al titolare del trattamento se non nella misura in cui ${procedura} lo richieda, e che me ne sia data notizia preventivamente.`;
};

const language: LetterLanguage = {
  code: 'it',
  name: 'Italiano',
  locale: 'it-IT',
  laws: { gdpr, fadp },
  // Under the LPD a complaint is a report (art. 49 LPD: «denuncia»), not a «reclamo».
  orthography: (law, text) =>
    law === 'fadp' ? text.replace(/^Reclamo nei confronti di/, 'Denuncia nei confronti di') : text,
  // «1° ottobre 2026»: the first of the month is an ordinal.
  adjustDate: (date) => date.replace(/^1 /, '1° '),
  kinds: {
    'site-address': 'i siti web che ho visitato',
    'page-address': 'gli indirizzi delle pagine che ho visitato',
    'full-address': 'gli indirizzi completi delle pagine che ho visitato, compresi i relativi parametri (query string)',
    'page-title': 'i titoli delle pagine che ho visitato',
    'search-terms': 'i termini delle mie ricerche',
    identifier: 'identificativi del mio browser o dispositivo',
    cookie: 'cookie',
    email: 'il mio indirizzo e-mail',
    'hashed-email': 'un hash del mio indirizzo e-mail',
    device: 'caratteristiche del mio dispositivo (schermo, lingua, browser)',
    location: 'la mia posizione',
    event: 'le azioni da me compiute sulle pagine (visualizzazioni, clic, acquisti)',
    'session-recording': 'registrazioni della mia attività sulle pagine',
    secret: 'password, token di accesso o altre credenziali (qui non riprodotti)',
  },
  list: (items) =>
    items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} e ${items[items.length - 1]}`,
  salutation: 'Spettabile Società,',
  salutationAuthority: 'Spettabile Autorità,',
  evidence: {
    heading: 'Dati inviati dal mio browser',
    intro:
      'Il mio browser ha registrato, sul mio dispositivo, le seguenti richieste di rete verso i Vostri domini. Si tratta di un campione dei dati in questione, che non ne esaurisce la totalità:',
    domains: (domains) => `Domini di Vostra pertinenza che hanno ricevuto dati: ${domains}.`,
    via: (host, site, cname) =>
      `Tra queste vi sono richieste a ${host}${site ? ` (un sottodominio del sito web ${site})` : ''}, che il mio browser Vi ha attribuito perché il record DNS di tale nome era un alias (CNAME) di ${cname ? `${cname}, uno dei Vostri domini` : 'uno dei Vostri domini'}.`,
    period: (first, last) => `Prima rilevazione: ${first}; ultima rilevazione: ${last}.`,
    volume: (sites, requests) =>
      `${number(requests)} ${requests === 1 ? 'richiesta di rete' : 'richieste di rete'} da ${sites === 1 ? 'un sito web' : `${number(sites)} siti web`}.`,
    kinds: (kinds) => `Contenevano ${kinds}.`,
    sites: (sites) => `Siti web: ${sites}.`,
    attachment: (file, sha256, sites) =>
      `L’elenco completo dei ${number(sites)} siti web e delle richieste figura nel file allegato ${file} (impronta SHA-256: ${sha256}).`,
    method: (version) =>
      `Modalità di raccolta: l’estensione per browser Disclosed ${version} ha rilevato le richieste effettuate dal mio browser durante la navigazione e le ha conservate esclusivamente sul mio dispositivo. Registra quale dominio ha ricevuto una richiesta, quando, da quale sito web e quali tipi di dati essa conteneva; non blocca né modifica nulla.`,
  },
  identifiers: {
    heading: 'Identificativi',
    intro: 'Questi valori sono stati rilevati nei Vostri cookie o nelle richieste a Voi dirette:',
    cookie: (name, domain) => `cookie ${name} (${domain})`,
    partitioned: (sites) => `impostato mentre ero su ${sites}`,
    request: (name) => `parametro ${name} nelle richieste a Voi dirette`,
    hashedEmail: 'hash SHA-256 del mio indirizzo e-mail (in lettere minuscole)',
    ip: 'il mio indirizzo IP',
    keepCookies:
      'Conserverò questi cookie fino alla definizione della presente richiesta, affinché possiate effettuare le verifiche necessarie.',
  },
  consent: {
    observed: (rs, more) =>
      `Il mio browser ha registrato che ${rs.map((r) => `${ilGiorno(r.when)} ha inviato al Vostro server ${r.host}, dal sito ${r.site}, ${r.what}, ${relation(r)}`).join('; ')}${more > 0 ? `; e che Vi ha inviato ${more === 1 ? 'un’altra richiesta di rete di questo tipo contenente' : `altre ${number(more)} richieste di rete di questo tipo contenenti`} un cookie o un identificativo` : ''}.`,
    heading: 'Banner dei cookie e richieste di rete:',
    bannerShown: (when, site) => `${when}: il sito ${site} mi ha mostrato il suo banner dei cookie.`,
    request: (r) =>
      `${r.when}: il mio browser ha inviato al dominio ${r.host}, dal sito ${r.site}, ${r.what}, ${relation(r)}.`,
    answer: (a, when, site) =>
      `${when}: ${{ answered: `ho risposto al banner dei cookie di ${site} (la registrazione non indica quale scelta)`, 'after-refusal': `ho negato il consenso nel banner dei cookie di ${site}`, 'after-partial': `ho accettato solo alcune finalità nel banner dei cookie di ${site}`, 'after-withdrawal': `ho revocato il mio consenso su ${site}` }[a]}.`,
    more: (n) =>
      `Il mio browser ha registrato ${n === 1 ? 'un’altra richiesta di rete' : `altre ${number(n)} richieste di rete`} di questo tipo.`,
    relied: (provision) =>
      `In ragione di tali richieste di rete, la mia richiesta di cancellazione si fondava anche sull’${provision} (trattamento illecito).`,
  },
  closing: 'Distinti saluti',
  reference: (f) => `${f.date} · Rif. ${f.reference}`,
  rightNames: () => ({
    erasure: 'diritto alla cancellazione',
    access: 'diritto di accesso',
    objection: 'diritto di opposizione',
    withdrawal: 'diritto di revocare il consenso',
  }),
  replies: {
    cannotIdentify: (r, f) =>
      f.cited
        ? `Mi comunicate di non essere in grado di identificarmi. La mia richiesta ${delGiorno(f.date)} (rif. ${f.reference}) riporta identificativi che Voi stessi, o altri per Vostro conto, avete impostato o raccolto per riconoscere il mio browser; identificativi online di questo tipo sono dati personali (${r.personalData}). Qualora Vi occorrano ulteriori informazioni per identificarmi, Vi prego di indicarmi quale identificativo Vi serve e in che modo posso trasmetterlo (${r.identify}). In caso contrario, Vi invito a dare seguito alla richiesta sulla base degli identificativi forniti.`
        : `Mi comunicate di non essere in grado di identificarmi. I dati oggetto della mia richiesta ${delGiorno(f.date)} (rif. ${f.reference}) sono associati a identificativi che Voi stessi, o altri per Vostro conto, avete impostato o raccolto per riconoscere il mio browser, quali gli identificativi dei cookie; identificativi online di questo tipo sono dati personali (${r.personalData}). Vi prego di indicarmi quale identificativo Vi serve per individuarli e in che modo posso trasmetterlo (${r.identify}), e di dare seguito alla richiesta non appena lo avrete ricevuto.`,
    idDocument: (r, f) =>
      f.cited
        ? `Mi chiedete copia di un documento d’identità. I dati in questione sono associati agli identificativi indicati nella mia richiesta ${delGiorno(f.date)} (rif. ${f.reference}) e, per quanto mi risulta, non al mio nome; un documento d’identità non Vi aiuterebbe a individuarli e Vi farebbe acquisire più dati personali di quanti ne siano necessari. Potete chiedere soltanto quanto necessario per identificarmi (${r.identify}). Vi invito a dare seguito alla richiesta sulla base degli identificativi forniti o a indicarmi l’identificativo che Vi serve.`
        : `Mi chiedete copia di un documento d’identità. I dati oggetto della mia richiesta ${delGiorno(f.date)} (rif. ${f.reference}) sono associati a identificativi impostati o letti nel mio browser e, per quanto mi risulta, non al mio nome; un documento d’identità non Vi aiuterebbe a individuarli e Vi farebbe acquisire più dati personali di quanti ne siano necessari. Potete chiedere soltanto quanto necessario per identificarmi (${r.identify}). Vi prego di indicarmi l’identificativo che Vi serve e in che modo posso trasmetterlo.`,
    webForm: (r, f) =>
      `Mi chiedete di utilizzare il Vostro modulo online. ${capital(r.law)} non impone all’interessato l’uso di un canale specifico: la mia richiesta ${delGiorno(f.date)} (rif. ${f.reference}), inviata al recapito da Voi pubblicato per le questioni di protezione dei dati, è valida e il termine per il riscontro decorre dal suo ricevimento. Vi invito a darle seguito così come è stata inviata.`,
    suppressed: (r, f) =>
      f.right === 'erasure'
        ? `Mi comunicate di avermi inserito in una lista di esclusione (suppression list). Conservare i miei identificativi in una lista costituisce un ulteriore trattamento, non una cancellazione. La mia richiesta ${delGiorno(f.date)} (rif. ${f.reference}) ha per oggetto la cancellazione ai sensi dell’${r.erasure}; Vi invito a cancellare i dati e a confermarmi a quali identificativi erano associati. Qualora conserviate qualche dato, Vi prego di indicare la disposizione su cui Vi fondate (${r.exceptions}).`
        : `Mi comunicate di avermi inserito in una lista di esclusione (suppression list). Con la mia richiesta ${delGiorno(f.date)} (rif. ${f.reference}) ho esercitato il ${f.rightName} ai sensi ${r.law.replace(/^il /, 'del ').replace(/^la /, 'della ')}; una lista di esclusione non basta, di per sé, a darle seguito. ${f.right === 'access' ? 'Vi invito a fornirmi per intero le informazioni richieste.' : 'Vi invito a confermarmi di averle dato seguito, a indicarmi quali identificativi figurano nella lista e a non utilizzarli per scopi diversi dal rispetto della mia richiesta.'}`,
    fee: (r, f) =>
      // revFADP Art. 25(6) makes access free; for any other request the law provides no fee at all.
      r.freeRights && !r.freeRights.includes(f.right)
        ? `Mi chiedete un corrispettivo. Per una richiesta come la mia ${delGiorno(f.date)} (rif. ${f.reference}) ${r.law} non prevede alcun corrispettivo. Vi invito a darle seguito senza alcun addebito.`
        : `Mi chiedete un corrispettivo. Di regola, il riscontro a una richiesta come la mia ${delGiorno(f.date)} (rif. ${f.reference}) è gratuito (${r.free}); non avete indicato alcuna delle eccezioni previste, che a mio avviso non ricorrono. Vi invito a darle seguito senza alcun addebito.`,
    processor: (r, f) =>
      `Mi comunicate di trattare i miei dati soltanto per conto di terzi, in qualità di responsabile del trattamento. Vi chiedo di indicarmi, con riferimento alla mia richiesta ${delGiorno(f.date)} (rif. ${f.reference}), il nome e i dati di contatto di ciascun titolare del trattamento per conto del quale li trattate, e di trasmettergli la mia richiesta affinché possa darle riscontro${r.processor ? ` (${r.processor})` : ''}. Se siete Voi a determinare ${r.report ? 'lo scopo' : 'le finalità'} e i mezzi del trattamento dei miei dati, ne siete titolari e dovete rispondere direttamente alla richiesta.`,
  },
  reminder: {
    subject: (f) => `Sollecito: mia richiesta ${delGiorno(f.date)}, rif. ${f.reference}`,
    body: (r, f) =>
      f.due
        ? `Con lettera ${delGiorno(f.sentOn)} (rif. ${f.reference}) ho esercitato il mio ${f.right} ai sensi ${del(r.law)}. Il termine per il riscontro è scaduto ${ilGiorno(f.due)} senza che io abbia ricevuto alcuna risposta. Vi invito a dare seguito alla richiesta senza ulteriore ritardo. In mancanza di riscontro, ${r.escalate}.`
        : `Con lettera ${delGiorno(f.sentOn)} (rif. ${f.reference}) ho esercitato il mio ${f.right} ai sensi ${del(r.law)}, con effetto immediato. Non ho ricevuto alcuna conferma della cessazione dei trattamenti basati sul mio consenso. Vi invito a confermarla senza ulteriore ritardo. In mancanza di riscontro, ${r.escalate}.`,
  },
  complaint: {
    subject: (f) => `Reclamo nei confronti di ${f.company} (rif. ${f.reference})`,
    body: (r, f) =>
      [
        r.report
          ? `Con la presente, ai sensi dell’${r.complaint}, presento denuncia nei confronti del seguente titolare del trattamento, che non ha soddisfatto la richiesta con cui ho esercitato il mio ${f.right}:\n${f.controller}`
          : `Con la presente propongo reclamo, ai sensi dell’${r.complaint}, nei confronti del seguente titolare del trattamento, che non ha soddisfatto la richiesta con cui ho esercitato il mio ${f.right}:\n${f.controller}`,
        `${r.report ? 'Denunciante' : 'Reclamante'}:\n${f.complainant || complaintParts.missingComplainant}`,
        `Cronologia:\n- ${f.sentOn}: ho inviato a ${f.recipient} una richiesta di esercizio del mio ${f.right} (rif. ${f.reference}).\n${f.due ? `- ${f.due}: è scaduto il termine per il riscontro.\n` : ''}- Riscontro: ${answers[f.answer]}${timelineBlock(language.consent.heading, f.consentTimeline)}`,
        `Allego la mia richiesta, l’eventuale corrispondenza intercorsa e la registrazione dei dati che il mio browser ha inviato a ${closed(f.company)} Chiedo a codesta Autorità di ${r.report ? 'aprire un’inchiesta' : 'esaminare il reclamo'} e ${r.order ? `di ${r.report ? 'ordinare' : 'ingiungere'} al titolare del trattamento di soddisfare la mia richiesta (${r.order})` : 'di adoperarsi affinché il titolare del trattamento soddisfi la mia richiesta'}.${r.updates ? ` Chiedo altresì di ricevere informazioni ${r.report ? 'sui passi intrapresi e sull’esito dell’inchiesta' : 'sullo stato e sull’esito del reclamo'} (${r.updates}).` : ''}`,
        identity(f.shareIdentity, r.report),
      ].join('\n\n'),
  },
};

const gap = (n: number) => (n === 0 ? 'meno di un secondo' : n === 1 ? 'un secondo' : `${number(n)} secondi`);
/** Come una richiesta si collocava rispetto alla risposta: «2 secondi prima che rispondessi al banner dei cookie del sito». */
function relation(r: ConsentEventText): string {
  const g = r.seconds === undefined ? '' : `${gap(r.seconds)} `;
  switch (r.moment) {
    case 'before-answer':
      return r.seconds === undefined
        ? 'quando non avevo ancora risposto al banner dei cookie del sito'
        : `${g}prima che rispondessi al banner dei cookie del sito`;
    case 'after-refusal':
      return `${g}dopo che avevo negato il consenso nel banner dei cookie del sito`;
    case 'after-partial':
      return `${g}dopo che avevo accettato solo alcune finalità nel banner dei cookie del sito, mentre la stringa di consenso (TCF) trasmessa con la richiesta non registrava alcun consenso a favore del destinatario`;
    case 'after-withdrawal':
      return `${g}dopo che avevo revocato il mio consenso`;
  }
}

export default language;

/** The parts of a complaint said apart: whether the authority may share who complains, and the complainant. */
const complaintParts = {
  identity,
  refused: answers.refused,
  complainant: (report: boolean) => (report ? 'Denunciante' : 'Reclamante'),
  missingComplainant: '(nome e recapiti da completare)',
};
