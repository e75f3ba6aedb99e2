import type { ConsentEventText, LawText, LetterLanguage } from '../language.ts';
import { byArticle, timelineBlock } from '../language.ts';
import { GDPR_ANCHORS, type GdprAnchor } from '../laws.ts';

/** "artikel 17, lid 1, onder b, AVG", "artikel 4, punt 1, AVG", "artikel 17 AVG", "overweging 30 AVG". */
function avg(id: string): string {
  if (id.startsWith('rec')) return `overweging ${id.slice(3)} AVG`;
  const [art = '', ...rest] = id.replace(/^art/, '').split('_');
  const parts = rest.map((r) => onderdeel(art, r));
  return parts.length ? [`artikel ${art}`, ...parts, 'AVG'].join(', ') : `artikel ${art} AVG`;
}

const onderdeel = (art: string, r: string) =>
  /^\d+$/.test(r) ? (art === '4' ? `punt ${r}` : `lid ${r}`) : `onder ${r}`;

/** Meer bepalingen, de AVG één keer genoemd: "artikel 11, lid 2, en artikel 12, leden 2 en 6, AVG". */
function avgSamen(ids: readonly GdprAnchor[]): string {
  const groups = byArticle(ids).map(([art, tails]) =>
    tails.length > 1 && tails.every((t) => t.length === 1 && /^\d+$/.test(t[0] ?? '') && art !== '4')
      ? `artikel ${art}, leden ${tails.map((t) => t[0]).join(' en ')}`
      : [`artikel ${art}`, ...tails.map((t) => t.map((r) => onderdeel(art, r)).join(', '))].join(', '),
  );
  return `${groups.slice(0, -1).join(', ')}${groups.length > 1 ? ', en ' : ''}${groups[groups.length - 1]}, AVG`;
}

const number = (n: number) => new Intl.NumberFormat('nl-NL').format(n);

const tracking =
  'de segmenten, interessecategorieën en andere gevolgtrekkingen die u over mij hebt gemaakt, de identificatoren die partners aan mij hebben toegekend en die u met de uwe hebt gesynchroniseerd (cookiesynchronisatie), de biedverzoeken (bid requests) waarin mijn gegevens zijn doorgegeven, en de websites en apps waarop die gegevens zijn verzameld';

const cite = Object.fromEntries(GDPR_ANCHORS.map((id) => [id, avg(id)])) as Record<GdprAnchor, string>;

const termijn = (c: Record<GdprAnchor, string>) =>
  `Ik verzoek u mij onverwijld, en in ieder geval binnen een maand na ontvangst van dit verzoek, te informeren over het gevolg dat u eraan hebt gegeven (${c.art12_3}). Geeft u geen gevolg aan het verzoek, dan dient u mij binnen dezelfde termijn mee te delen waarom niet, en mij te wijzen op de mogelijkheid een klacht in te dienen bij een toezichthoudende autoriteit en beroep in te stellen bij de rechter (${c.art12_4}). De afhandeling van dit verzoek is kosteloos (${c.art12_5}).`;
const omvang = (c: Record<GdprAnchor, string>) =>
  `Mijn verzoek betreft alle diensten waarvoor u verwerkingsverantwoordelijke bent (${c.art4_7}) en omvat in elk geval, maar niet uitsluitend, de hieronder vermelde gegevens.`;
const identificatie = avgSamen(['art11_2', 'art12_2', 'art12_6']);

const gdpr: LawText<GdprAnchor> = {
  cite,
  cites: avgSamen,
  rights: {
    erasure: {
      subject: (f) => `Verzoek tot wissing van persoonsgegevens – kenmerk ${f.reference}`,
      body: (c, x) => {
        const gronden = [
          `Voor zover ik u toestemming heb gegeven voor de verwerking van mijn persoonsgegevens, trek ik die hierbij in (${c.art7_3}); voor zover er voor de verwerking geen andere rechtsgrond bestaat, moeten de gegevens op grond van ${c.art17_1_b} worden gewist.`,
        ];
        if (x.grounds.includes('marketing'))
          gronden.push(
            `Ik maak bezwaar tegen de verwerking van mijn gegevens ten behoeve van direct marketing, met inbegrip van profilering die daarop betrekking heeft (${c.art21_2}); de gegevens mogen daarom niet langer voor die doeleinden worden verwerkt (${c.art21_3}) en moeten op grond van ${c.art17_1_c} worden gewist.`,
          );
        if (x.grounds.includes('particular'))
          gronden.push(
            `Daarnaast maak ik, om redenen die verband houden met mijn specifieke situatie, bezwaar tegen elke verwerking die u baseert op gerechtvaardigde belangen (${c.art21_1}): ${x.reason} Tenzij u dwingende gerechtvaardigde gronden voor de verwerking aanvoert die zwaarder wegen dan mijn belangen, rechten en vrijheden, moeten de gegevens ook op grond van ${c.art17_1_c} worden gewist.`,
          );
        return [
          `Op grond van ${c.art17} verzoek ik u alle persoonsgegevens die u over mij verwerkt, zonder onredelijke vertraging te wissen. ${omvang(c)}`,
          gronden.join(' '),
          // What was observed and the resident's rule: a paragraph of its own, after the grounds it adds to.
          ...(x.grounds.includes('unlawful') && x.unlawful
            ? [
                `${x.unlawful.observed} Volgens de bepaling die geldt in het land waar ik woon (${x.unlawful.rule}), mag informatie alleen met mijn voorafgaande toestemming op mijn randapparatuur worden opgeslagen, en mag alleen met die toestemming toegang worden verkregen tot informatie die daarop al is opgeslagen, tenzij dat strikt noodzakelijk is om een dienst te leveren waarom ik uitdrukkelijk heb gevraagd; dat is bij het verzenden van uw cookies of identificatoren naar uw servers niet het geval. Zoals uit het voorgaande blijkt, had ik op het moment van deze netwerkverzoeken op ${x.unlawful.sites === 1 ? 'die website' : 'die websites'} geen toestemming aan uw onderneming gegeven. Voor de aldus verkregen persoonsgegevens bestaat daarom geen rechtsgrond in de zin van ${c.art6_1}; alleen toestemming (${c.art6_1_a}) zou die kunnen bieden. De gegevens worden dus onrechtmatig verwerkt (${c.art5_1_a}) en moeten op grond van ${c.art17_1_d} worden gewist.`,
              ]
            : []),
          `Naar mijn oordeel is geen van de uitzonderingen van ${c.art17_3} van toepassing. Mocht u zich op een uitzondering beroepen, dan verzoek ik u te vermelden welke, en alle gegevens te wissen die daar niet onder vallen. Ik verzoek u iedere ontvanger aan wie de gegevens zijn verstrekt, van de wissing in kennis te stellen en mij mee te delen wie die ontvangers zijn (${c.art19}). Graag ontvang ik een schriftelijke bevestiging van de wissing, met vermelding van de identificatoren waaraan de gegevens gekoppeld waren.`,
          termijn(c),
        ];
      },
    },
    access: {
      subject: (f) => `Verzoek om inzage in persoonsgegevens – kenmerk ${f.reference}`,
      body: (c) => [
        `Op grond van ${c.art15_1} verzoek ik u mij uitsluitsel te geven over de vraag of u persoonsgegevens over mij verwerkt en, zo ja, mij inzage in die gegevens en een kopie daarvan te verstrekken (${c.art15_3}). ${omvang(c)} Daaronder vallen uitdrukkelijk ook ${tracking}.`,
        `Daarnaast verzoek ik u mij mee te delen (${c.art15_1}): a) de verwerkingsdoeleinden; b) de betrokken categorieën van persoonsgegevens; c) de ontvangers aan wie de gegevens zijn of zullen worden verstrekt, met naam en toenaam, met inbegrip van de deelnemers aan real-time bidding en de partners met wie u identificatoren hebt gesynchroniseerd; d) hoe lang de gegevens worden bewaard, of de criteria om die termijn te bepalen; e) dat ik het recht heb u te verzoeken om rectificatie of wissing van de gegevens of om beperking van de verwerking, en het recht heb bezwaar te maken tegen de verwerking; f) dat ik het recht heb een klacht in te dienen bij een toezichthoudende autoriteit; g) wanneer de gegevens niet bij mij zijn verzameld, alle beschikbare informatie over de bron ervan, waaronder de betrokken websites en apps; h) het bestaan van geautomatiseerde besluitvorming, met inbegrip van profilering, en in dat geval nuttige informatie over de onderliggende logica en over het belang en de verwachte gevolgen van die verwerking voor mij. Worden gegevens doorgegeven aan een derde land of een internationale organisatie, dan verzoek ik u ook de passende waarborgen voor die doorgifte te vermelden (${c.art15_2}).`,
        termijn(c),
      ],
    },
    objection: {
      subject: (f) => `Bezwaar tegen de verwerking van persoonsgegevens – kenmerk ${f.reference}`,
      body: (c, x) => [
        `Ik maak bezwaar tegen de verwerking van mijn persoonsgegevens ten behoeve van direct marketing, met inbegrip van profilering die daarop betrekking heeft (${c.art21_2}). Vanaf het moment waarop u deze brief ontvangt, mogen mijn gegevens niet meer voor die doeleinden worden verwerkt (${c.art21_3}).`,
        `Voor zover u mijn gegevens voor andere doeleinden verwerkt op grond van gerechtvaardigde belangen, maak ik ook tegen die verwerking bezwaar, om redenen die verband houden met mijn specifieke situatie (${c.art21_1})${x.reason ? `: ${x.reason}` : '; die redenen zet ik desgevraagd uiteen.'} Ik verzoek u die verwerking te beperken zolang u nagaat of uw gerechtvaardigde gronden zwaarder wegen dan de mijne (${c.art18_1_d}).`,
        `Graag ontvang ik een schriftelijke bevestiging van de verwerkingen die u hebt gestaakt of beperkt. ${termijn(c)}`,
      ],
    },
    withdrawal: {
      subject: (f) => `Intrekking van toestemming – kenmerk ${f.reference}`,
      body: (c) => [
        `Voor zover ik u toestemming heb gegeven voor de verwerking van mijn persoonsgegevens, met inbegrip van toestemming voor het opslaan van informatie op mijn apparaat en het uitlezen daarvan, trek ik die hierbij in (${c.art7_3}). De intrekking werkt vanaf de ontvangst van deze brief; vanaf dat moment dient u elke verwerking te staken die op die toestemming berust.`,
        'Ik stel een korte schriftelijke bevestiging daarvan op prijs.',
      ],
    },
  },
  identification: (c) =>
    `De hieronder vermelde identificatoren zijn door of namens u geplaatst of verzameld om mijn browser te herkennen; zulke online identificatoren zijn persoonsgegevens (${c.art4_1}; ${c.rec30}). Ik verzoek u aan de hand daarvan de gegevens op te zoeken waarop dit verzoek betrekking heeft. Hebt u aanvullende informatie nodig om mij te identificeren, laat u mij dan weten welke identificator u nodig hebt en hoe ik die kan verstrekken; u mag daarbij niet meer vragen dan nodig is (${identificatie}).`,
  noIdentifier: (c) =>
    `Deze brief vermeldt geen identificator. Cookies en identificatoren die u eventueel in mijn browser hebt geplaatst om die te herkennen, zijn persoonsgegevens (${c.art4_1}; ${c.rec30}). Biedt u een pagina aan die de in mijn browser geplaatste identificator toont, laat u mij dan het adres daarvan weten; zo niet, laat u mij dan weten welke identificator u nodig hebt en hoe ik die kan verstrekken (${identificatie}).`,
  representative: (c) =>
    `Ik richt deze brief tot u in uw hoedanigheid van vertegenwoordiger in de Unie van de verwerkingsverantwoordelijke (${c.art27}); waar hierna ‘u’ staat, is de verwerkingsverantwoordelijke bedoeld. Ik verzoek u de brief onverwijld aan de verwerkingsverantwoordelijke door te zenden.`,
  roles: (c) => ({
    law: 'de AVG',
    identify: avgSamen(['art11_2', 'art12_6']),
    personalData: c.art4_1,
    free: c.art12_5,
    erasure: c.art17,
    exceptions: c.art17_3,
    processor: c.art28_3_e,
    complaint: c.art77,
    order: c.art58_2_c,
    updates: avgSamen(['art77_2', 'art78_2']),
    escalate: 'een klacht indienen bij een toezichthoudende autoriteit',
  }),
};

const capital = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

const language: LetterLanguage = {
  code: 'nl',
  name: 'Nederlands',
  locale: 'nl-NL',
  laws: { gdpr },
  kinds: {
    'site-address': 'de websites die ik heb bezocht',
    'page-address': 'de adressen van de pagina’s die ik heb bezocht',
    'full-address':
      'de volledige adressen van de pagina’s die ik heb bezocht, met inbegrip van de parameters in de URL',
    'page-title': 'de titels van de pagina’s die ik heb bezocht',
    'search-terms': 'mijn zoektermen',
    identifier: 'identificatoren van mijn browser of apparaat',
    cookie: 'cookies',
    email: 'mijn e-mailadres',
    'hashed-email': 'een hashwaarde van mijn e-mailadres',
    device: 'kenmerken van mijn apparaat (scherm, taal, browser)',
    location: 'mijn locatie',
    event: 'mijn handelingen op pagina’s (weergaven, klikken, aankopen)',
    'session-recording': 'opnamen van mijn activiteit op pagina’s',
    secret: 'wachtwoorden, inlogtokens of andere geheime gegevens (hier niet herhaald)',
  },
  list: (items) =>
    items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items[items.length - 1]}`,
  salutation: 'Geachte heer, mevrouw,',
  salutationAuthority: 'Geachte heer, mevrouw,',
  evidence: {
    heading: 'Wat mijn browser naar u heeft verzonden',
    intro:
      'Mijn browser heeft op mijn eigen apparaat de volgende netwerkverzoeken aan uw domeinen vastgelegd. Deze verzoeken vormen slechts een greep uit de betrokken gegevens, geen volledige opsomming:',
    domains: (domains) => `Uw domeinen die gegevens ontvingen: ${domains}.`,
    via: (host, site, cname) =>
      `Daaronder zijn verzoeken aan ${host}${site ? ` (een subdomein van de website ${site})` : ''}, die mijn browser aan u toeschreef omdat het DNS-record van die naam een alias (CNAME) was van ${cname ? `${cname}, een van uw domeinen` : 'een van uw domeinen'}.`,
    period: (first, last) => `Eerste waarneming: ${first}; laatste waarneming: ${last}.`,
    volume: (sites, requests) =>
      `${number(requests)} ${requests === 1 ? 'netwerkverzoek' : 'netwerkverzoeken'} vanaf ${sites === 1 ? 'één website' : `${number(sites)} websites`}.`,
    kinds: (kinds) => `Deze verzoeken bevatten ${kinds}.`,
    sites: (sites) => `Websites: ${sites}.`,
    attachment: (file, sha256, sites) =>
      `De volledige lijst van de ${number(sites)} websites en de netwerkverzoeken is bijgevoegd als ${file} (SHA-256: ${sha256}).`,
    method: (version) =>
      `Wijze van vastlegging: de browserextensie Disclosed ${version} heeft de netwerkverzoeken van mijn browser tijdens het surfen waargenomen en uitsluitend op mijn apparaat opgeslagen. Zij legt vast welk domein een verzoek ontving, wanneer, vanaf welke website en welke soorten gegevens het verzoek bevatte; zij blokkeert en wijzigt niets.`,
  },
  identifiers: {
    heading: 'Identificatoren',
    intro: 'Deze waarden zijn aangetroffen in uw cookies of in netwerkverzoeken aan u:',
    cookie: (name, domain) => `cookie ${name} (${domain})`,
    partitioned: (sites) => `geplaatst terwijl ik op ${sites} was`,
    request: (name) => `parameter ${name} in netwerkverzoeken aan u`,
    hashedEmail: 'SHA-256-hash van mijn e-mailadres (omgezet in kleine letters)',
    ip: 'mijn IP-adres',
    keepCookies:
      'Ik bewaar deze cookies totdat dit verzoek is afgehandeld, zodat u aan de hand daarvan kunt nagaan dat het verzoek van mij afkomstig is.',
  },
  consent: {
    observed: (rs, more) =>
      `Mijn browser heeft het volgende vastgelegd: ${rs.map((r) => `op ${r.when} stuurde hij vanaf de website ${r.site} ${r.what} naar uw server ${r.host}, ${relation(r)}`).join('; ')}${more > 0 ? `; daarnaast stuurde hij u nog ${more === 1 ? 'één zo’n netwerkverzoek' : `${getal(more)} zulke netwerkverzoeken`} met een cookie of identificator` : ''}.`,
    heading: 'Cookiebanner en netwerkverzoeken:',
    bannerShown: (when, site) => `${when}: de website ${site} toonde mij haar cookiebanner.`,
    request: (r) =>
      `${r.when}: mijn browser stuurde vanaf de website ${r.site} ${r.what} naar ${r.host}, ${relation(r)}.`,
    answer: (a, when, site) =>
      `${when}: ${{ answered: `ik heb de cookiebanner van ${site} beantwoord (uit de vastlegging blijkt niet welke keuze ik maakte)`, 'after-refusal': `ik heb in de cookiebanner van ${site} toestemming geweigerd`, 'after-partial': `ik heb in de cookiebanner van ${site} alleen voor enkele doeleinden toestemming gegeven`, 'after-withdrawal': `ik heb mijn toestemming op ${site} ingetrokken` }[a]}.`,
    more: (n) =>
      `Mijn browser heeft nog ${n === 1 ? 'één zo’n netwerkverzoek' : `${getal(n)} zulke netwerkverzoeken`} vastgelegd.`,
    relied: (provision) =>
      `Vanwege deze netwerkverzoeken berustte mijn verzoek tot wissing mede op ${provision} (onrechtmatige verwerking).`,
  },
  closing: 'Met vriendelijke groet,',
  reference: (f) => `${f.date} · Kenmerk: ${f.reference}`,
  rightNames: () => ({
    erasure: 'recht op gegevenswissing',
    access: 'recht van inzage',
    objection: 'recht van bezwaar',
    withdrawal: 'recht om toestemming in te trekken',
  }),
  replies: {
    cannotIdentify: (r, f) =>
      f.cited
        ? `U schrijft dat u mij niet kunt identificeren. Mijn verzoek van ${f.date} (kenmerk ${f.reference}) vermeldt identificatoren die u zelf hebt geplaatst of verzameld om mijn browser te herkennen; online identificatoren zijn persoonsgegevens (${r.personalData}). Hebt u aanvullende informatie nodig om mij te identificeren, laat u mij dan weten welke identificator u nodig hebt en hoe ik die kan verstrekken (${r.identify}). Zo niet, dan verzoek ik u mijn verzoek af te handelen aan de hand van de vermelde identificatoren.`
        : `U schrijft dat u mij niet kunt identificeren. De gegevens waarop mijn verzoek van ${f.date} (kenmerk ${f.reference}) betrekking heeft, zijn gekoppeld aan identificatoren die u zelf hebt geplaatst of verzameld om mijn browser te herkennen, zoals cookie-identificatoren; online identificatoren zijn persoonsgegevens (${r.personalData}). Ik verzoek u mij te laten weten welke identificator u nodig hebt om die gegevens te vinden en hoe ik die kan verstrekken (${r.identify}), en mijn verzoek af te handelen zodra u die hebt ontvangen.`,
    idDocument: (r, f) =>
      f.cited
        ? `U vraagt om een kopie van een identiteitsbewijs. De gegevens waarop mijn verzoek van ${f.date} (kenmerk ${f.reference}) betrekking heeft, zijn verzameld aan de hand van de daarin vermelde identificatoren, niet aan de hand van mijn naam; een kopie van mijn identiteitsbewijs helpt u niet om die gegevens te vinden en zou u meer persoonsgegevens verschaffen dan u nodig hebt. U mag alleen om aanvullende informatie vragen als u redenen hebt om aan mijn identiteit te twijfelen, en niet om meer dan nodig is om die te bevestigen (${r.identify}). Ik verzoek u mijn verzoek af te handelen aan de hand van de vermelde identificatoren, of mij te laten weten welke identificator u nodig hebt.`
        : `U vraagt om een kopie van een identiteitsbewijs. De gegevens waarop mijn verzoek van ${f.date} (kenmerk ${f.reference}) betrekking heeft, zijn gekoppeld aan identificatoren die in mijn browser zijn geplaatst of uitgelezen, niet aan mijn naam; een kopie van mijn identiteitsbewijs helpt u niet om die gegevens te vinden en zou u meer persoonsgegevens verschaffen dan u nodig hebt. U mag alleen om aanvullende informatie vragen als u redenen hebt om aan mijn identiteit te twijfelen, en niet om meer dan nodig is om die te bevestigen (${r.identify}). Ik verzoek u mij te laten weten welke identificator u nodig hebt en hoe ik die kan verstrekken.`,
    webForm: (r, f) =>
      `U vraagt mij uw webformulier te gebruiken. ${capital(r.law)} schrijft geen bepaald kanaal voor: mijn verzoek van ${f.date} (kenmerk ${f.reference}), gericht aan uw contactadres voor privacyzaken, is geldig, en de termijn loopt vanaf de ontvangst ervan. Ik verzoek u het af te handelen zoals het is ingediend.`,
    suppressed: (r, f) =>
      f.right === 'erasure'
        ? `U schrijft dat u mij op een uitsluitingslijst (suppressielijst) hebt geplaatst. Het op een lijst bewaren van mijn identificatoren is een verdere verwerking, geen wissing. Mijn verzoek van ${f.date} (kenmerk ${f.reference}) strekt tot wissing op grond van ${r.erasure}; ik verzoek u de gegevens te wissen en te bevestigen aan welke identificatoren zij gekoppeld waren. Bewaart u toch gegevens, dan verzoek ik u de bepaling te vermelden waarop u zich beroept (${r.exceptions}).`
        : `U schrijft dat u mij op een uitsluitingslijst (suppressielijst) hebt geplaatst. Met mijn verzoek van ${f.date} (kenmerk ${f.reference}) heb ik mijn ${f.rightName} op grond van ${r.law} uitgeoefend; een uitsluitingslijst alleen geeft daaraan geen gevolg. ${f.right === 'access' ? 'Ik verzoek u mij de gevraagde inzage volledig te verstrekken.' : 'Ik verzoek u te bevestigen dat u aan mijn verzoek gevolg hebt gegeven, welke identificatoren op de lijst staan, en dat u die voor niets anders gebruikt dan om mijn verzoek te respecteren.'}`,
    fee: (r, f) =>
      `U vraagt om een vergoeding. Een verzoek als het mijne van ${f.date} (kenmerk ${f.reference}) moet kosteloos worden afgehandeld (${r.free}). Een vergoeding is alleen toegestaan voor kennelijk ongegronde of buitensporige verzoeken, en daarvan is geen sprake. Ik verzoek u het zonder kosten af te handelen.`,
    processor: (r, f) =>
      `U schrijft dat u mijn gegevens uitsluitend als verwerker ten behoeve van anderen verwerkt. Ik verzoek u mij, in verband met mijn verzoek van ${f.date} (kenmerk ${f.reference}), naam en contactgegevens te verstrekken van iedere verwerkingsverantwoordelijke voor wie u de gegevens verwerkt, en mijn verzoek aan hen door te zenden, zodat zij het kunnen beantwoorden${r.processor ? ` (${r.processor})` : ''}. Voor zover u zelf het doel van en de middelen voor de verwerking vaststelt, bent u verwerkingsverantwoordelijke en dient u het verzoek zelf te beantwoorden.`,
  },
  reminder: {
    subject: (f) => `Herinnering: mijn verzoek van ${f.date}, kenmerk ${f.reference}`,
    body: (r, f) =>
      f.due
        ? `Bij mijn bericht van ${f.sentOn} (kenmerk ${f.reference}) heb ik op grond van ${r.law} mijn ${f.right} uitgeoefend. De termijn voor beantwoording is op ${f.due} verstreken zonder dat ik een antwoord heb ontvangen. Ik verzoek u alsnog onverwijld aan mijn verzoek gevolg te geven. Blijft een antwoord uit, dan zal ik ${r.escalate}.`
        : `Bij mijn bericht van ${f.sentOn} (kenmerk ${f.reference}) heb ik op grond van ${r.law} met onmiddellijke ingang mijn ${f.right} uitgeoefend. Ik heb geen bevestiging ontvangen dat u de verwerking die op mijn toestemming berustte, hebt gestaakt. Ik verzoek u dat alsnog onverwijld te bevestigen. Blijft een antwoord uit, dan zal ik ${r.escalate}.`,
  },
  complaint: {
    subject: (f) => `Klacht over ${f.company} (kenmerk ${f.reference})`,
    body: (r, f) =>
      [
        `Hierbij dien ik op grond van ${r.complaint} een klacht in tegen de volgende verwerkingsverantwoordelijke, die mijn ${f.right} ${f.answer === 'partial' ? 'niet volledig' : 'niet'} heeft gerespecteerd:\n${f.controller}`,
        `Klager:\n${f.complainant || '(naam en contactgegevens nog in te vullen)'}`,
        `Verloop:\n- ${f.sentOn}: ik heb mijn ${f.right} uitgeoefend met een verzoek aan ${f.recipient} (kenmerk ${f.reference}).\n${f.due ? `- ${f.due}: de termijn voor beantwoording is verstreken.\n` : ''}- Antwoord: ${{ none: 'niet ontvangen.', refused: 'het verzoek is afgewezen.', identification: 'er is om meer identificatiegegevens gevraagd dan nodig is.', partial: 'het antwoord was onvolledig.' }[f.answer]}${timelineBlock(language.consent.heading, f.consentTimeline)}`,
        `Bijgevoegd zijn mijn verzoek, de eventuele verdere correspondentie en de vastlegging van de gegevens die mijn browser naar ${f.company} heeft verzonden. Ik verzoek u de klacht te onderzoeken en ${r.order ? `de verwerkingsverantwoordelijke te gelasten in te gaan op mijn verzoek (${r.order})` : 'erop toe te zien dat de verwerkingsverantwoordelijke aan mijn verzoek voldoet'}.${r.updates ? ` Ik verzoek u mij op de hoogte te houden van de voortgang en het resultaat van de klacht (${r.updates}).` : ''}`,
        complaintParts.identity(f.shareIdentity),
      ].join('\n\n'),
  },
};

/** Getallen tot en met twaalf in letters, zoals in lopende tekst gebruikelijk (‘twee seconden’); grotere in cijfers. */
const WOORDEN = [
  'nul',
  'één',
  'twee',
  'drie',
  'vier',
  'vijf',
  'zes',
  'zeven',
  'acht',
  'negen',
  'tien',
  'elf',
  'twaalf',
];
const getal = (n: number) => (n >= 1 && n <= 12 ? (WOORDEN[n] as string) : number(n));

const gap = (n: number) => (n === 0 ? 'minder dan een seconde' : `${getal(n)} ${n === 1 ? 'seconde' : 'seconden'}`);
/** Hoe een verzoek zich verhield tot het antwoord: ‘twee seconden voordat ik de cookiebanner van de website beantwoordde’. */
function relation(r: ConsentEventText): string {
  const g = r.seconds === undefined ? '' : `${gap(r.seconds)} `;
  switch (r.moment) {
    case 'before-answer':
      return r.seconds === undefined
        ? 'terwijl ik de cookiebanner van de website nog niet had beantwoord'
        : `${g}voordat ik de cookiebanner van de website beantwoordde`;
    case 'after-refusal':
      return `${g}nadat ik in de cookiebanner van de website toestemming had geweigerd`;
    case 'after-partial':
      return `${g}nadat ik in de cookiebanner van de website alleen voor enkele doeleinden toestemming had gegeven, terwijl de met het verzoek meegezonden toestemmingsreeks (TCF) geen toestemming voor de ontvanger vermeldde`;
    case 'after-withdrawal':
      return `${g}nadat ik mijn toestemming had ingetrokken`;
  }
}

export default language;

/** The parts of a complaint said apart: whether the authority may share who complains, and the complainant. */
const complaintParts = {
  identity: (share: boolean) =>
    share
      ? 'Ik stem ermee in dat u bij de behandeling van deze klacht mijn identiteit aan de verwerkingsverantwoordelijke bekendmaakt.'
      : 'Ik verzoek u mijn identiteit niet aan de verwerkingsverantwoordelijke bekend te maken, tenzij de behandeling van de klacht dat vereist; stelt u mij daarvan in dat geval vooraf op de hoogte.',
};
