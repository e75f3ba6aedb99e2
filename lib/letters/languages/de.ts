import type { ConsentEventText, LawText, LetterLanguage } from '../language.ts';
import { byArticle, timelineBlock } from '../language.ts';
import { FADP_ANCHORS, type FadpAnchor, GDPR_ANCHORS, type GdprAnchor } from '../laws.ts';

/** "Art. 17 Abs. 1 lit. b DSGVO", "Art. 4 Nr. 1 DSGVO", "Erwägungsgrund 30 DSGVO", "Art. 5 lit. a DSG". */
function zitat(law: string, id: string): string {
  if (id.startsWith('rec')) return `Erwägungsgrund ${id.slice(3)} ${law}`;
  const [art = '', ...rest] = id.replace(/^art/, '').split('_');
  return ['Art.', art, ...rest.map((r) => teil(art, r)), law].join(' ');
}

const teil = (art: string, r: string) => (/^\d+$/.test(r) ? (art === '4' ? `Nr. ${r}` : `Abs. ${r}`) : `lit. ${r}`);

/** Mehrere Vorschriften eines Gesetzes, das Gesetz einmal genannt: „Art. 11 Abs. 2, Art. 12 Abs. 2 und 6 DSGVO“. */
function zitate(law: string, ids: readonly string[]): string {
  const groups = byArticle(ids).map(
    ([art, tails]) =>
      `Art. ${art} ${tails.map((t, i) => t.map((r, j) => (i > 0 && j === 0 ? r : teil(art, r))).join(' ')).join(' und ')}`,
  );
  return `${groups.join(ids.length > groups.length ? ', ' : ' und ')} ${law}`;
}
const cites = (ids: readonly GdprAnchor[]) => zitate('DSGVO', ids);
const identifizierung = cites(['art11_2', 'art12_2', 'art12_6']);

const verfolgung =
  'die Segmente, Interessenkategorien und sonstigen Schlussfolgerungen, die Sie über mich abgeleitet haben, die Kennungen von Partnern, mit denen Sie meine Kennungen abgeglichen haben (Cookie-Syncing), die Gebotsanfragen (Bid Requests), in denen meine Daten übermittelt wurden, sowie die Websites und Apps, auf denen sie erhoben wurden';

const gdprCite = Object.fromEntries(GDPR_ANCHORS.map((id) => [id, zitat('DSGVO', id)])) as Record<GdprAnchor, string>;

const frist = (c: Record<GdprAnchor, string>) =>
  `Bitte teilen Sie mir die auf diesen Antrag hin ergriffenen Maßnahmen unverzüglich, spätestens aber innerhalb eines Monats nach seinem Eingang mit (${c.art12_3}). Werden Sie nicht tätig, so unterrichten Sie mich bitte innerhalb derselben Frist über die Gründe hierfür und über die Möglichkeit, bei einer Aufsichtsbehörde Beschwerde einzulegen oder einen gerichtlichen Rechtsbehelf einzulegen (${c.art12_4}). Der Antrag ist unentgeltlich zu bearbeiten (${c.art12_5}).`;
const umfang = (c: Record<GdprAnchor, string>) =>
  `für alle Dienste, für die Sie Verantwortlicher (${c.art4_7}) sind, insbesondere, aber nicht ausschließlich, die unten aufgeführten Daten`;

const gdpr: LawText<GdprAnchor> = {
  cite: gdprCite,
  cites,
  rights: {
    erasure: {
      subject: (f) => `Antrag auf Löschung personenbezogener Daten – Mein Zeichen: ${f.reference}`,
      body: (c, x) => {
        const gruende = [
          `Sollte ich eine Einwilligung erteilt haben, widerrufe ich sie hiermit (${c.art7_3}); soweit es an einer anderweitigen Rechtsgrundlage für die Verarbeitung fehlt, sind die Daten nach ${c.art17_1_b} zu löschen.`,
        ];
        if (x.grounds.includes('marketing'))
          gruende.push(
            `Ich widerspreche der Verarbeitung meiner Daten zum Zwecke der Direktwerbung einschließlich des damit verbundenen Profilings (${c.art21_2}); die Daten dürfen für diese Zwecke nicht mehr verarbeitet werden (${c.art21_3}) und sind nach ${c.art17_1_c} zu löschen.`,
          );
        if (x.grounds.includes('particular'))
          gruende.push(
            `Zudem widerspreche ich aus Gründen, die sich aus meiner besonderen Situation ergeben, jeder Verarbeitung, die Sie auf berechtigte Interessen stützen (${c.art21_1}): ${x.reason} Sofern Sie keine zwingenden schutzwürdigen Gründe nachweisen, die meine Interessen, Rechte und Freiheiten überwiegen, sind die Daten auch nach ${c.art17_1_c} zu löschen.`,
          );
        return [
          `Gemäß ${c.art17} beantrage ich die unverzügliche Löschung aller mich betreffenden personenbezogenen Daten, die Sie verarbeiten, und zwar ${umfang(c)}.`,
          gruende.join(' '),
          // What was observed and the resident's rule: a paragraph of its own, after the grounds it adds to.
          ...(x.grounds.includes('unlawful') && x.unlawful
            ? [
                `${x.unlawful.observed} Nach der in meinem Wohnsitzstaat geltenden Vorschrift (${x.unlawful.rule}) sind die Speicherung von Informationen in meiner Endeinrichtung und der Zugriff auf dort bereits gespeicherte Informationen nur mit meiner vorherigen Einwilligung zulässig, es sei denn, sie sind unbedingt erforderlich, um einen von mir ausdrücklich gewünschten Dienst bereitzustellen; das ist bei der Übermittlung Ihrer Cookies oder Kennungen an Ihre Server nicht der Fall. Wie die Aufzeichnung zeigt, hatte ich Ihrem Unternehmen ${x.unlawful.sites === 1 ? 'auf dieser Website' : 'auf diesen Websites'} zu diesen Zeitpunkten keine Einwilligung erteilt. Für so erlangte Daten besteht daher keine Rechtsgrundlage nach ${c.art6_1} – in Betracht käme allein eine Einwilligung (${c.art6_1_a}); sie werden unrechtmäßig verarbeitet (${c.art5_1_a}) und sind nach ${c.art17_1_d} zu löschen.`,
              ]
            : []),
          `Nach meiner Auffassung greift keine der Ausnahmen des ${c.art17_3}. Sollten Sie sich auf eine berufen, benennen Sie sie bitte und löschen Sie alle Daten, die sie nicht erfasst. Bitte teilen Sie die Löschung allen Empfängern mit, denen die Daten offengelegt wurden, und nennen Sie mir diese Empfänger (${c.art19}). Bitte bestätigen Sie mir die Löschung schriftlich unter Angabe der Kennungen, mit denen die Daten verknüpft waren.`,
          frist(c),
        ];
      },
    },
    access: {
      subject: (f) => `Auskunftsersuchen nach Art. 15 DSGVO – Mein Zeichen: ${f.reference}`,
      body: (c) => [
        `Gemäß ${c.art15_1} bitte ich um Bestätigung, ob Sie mich betreffende personenbezogene Daten verarbeiten, und gegebenenfalls um Auskunft über diese Daten sowie um eine Kopie (${c.art15_3}), und zwar ${umfang(c)}. Dazu gehören ${verfolgung}.`,
        `Bitte teilen Sie mir außerdem mit (${c.art15_1}): a) die Verarbeitungszwecke; b) die Kategorien der verarbeiteten Daten; c) die Empfänger, denen die Daten offengelegt worden sind oder werden, namentlich, einschließlich der Teilnehmer an Echtzeit-Auktionen (Real-Time Bidding) und der Partner, mit denen Kennungen abgeglichen wurden; d) die geplante Speicherdauer oder die Kriterien für ihre Festlegung; e) das Bestehen der Rechte auf Berichtigung, Löschung, Einschränkung der Verarbeitung und Widerspruch; f) das Beschwerderecht bei einer Aufsichtsbehörde; g) wenn die Daten nicht bei mir erhoben wurden, alle verfügbaren Informationen über ihre Herkunft, einschließlich der betroffenen Websites und Apps; h) das Bestehen einer automatisierten Entscheidungsfindung einschließlich Profiling und gegebenenfalls aussagekräftige Informationen über die involvierte Logik sowie die Tragweite und die angestrebten Auswirkungen für mich. Werden Daten an ein Drittland oder eine internationale Organisation übermittelt, nennen Sie mir bitte die geeigneten Garantien (${c.art15_2}).`,
        frist(c),
      ],
    },
    objection: {
      subject: (f) => `Widerspruch gegen die Verarbeitung personenbezogener Daten – Mein Zeichen: ${f.reference}`,
      body: (c, x) => [
        `Ich widerspreche der Verarbeitung meiner personenbezogenen Daten zum Zwecke der Direktwerbung einschließlich des damit verbundenen Profilings (${c.art21_2}). Ab Eingang dieses Schreibens dürfen meine Daten für diese Zwecke nicht mehr verarbeitet werden (${c.art21_3}).`,
        `Soweit Sie die Verarbeitung meiner Daten zu anderen Zwecken auf berechtigte Interessen stützen, widerspreche ich auch dieser Verarbeitung aus Gründen, die sich aus meiner besonderen Situation ergeben (${c.art21_1})${x.reason ? `: ${x.reason}` : '; diese Gründe lege ich Ihnen auf Nachfrage dar.'} Ich verlange die Einschränkung dieser Verarbeitung, solange Sie prüfen, ob Ihre berechtigten Gründe überwiegen (${c.art18_1_d}).`,
        `Bitte bestätigen Sie mir schriftlich, welche Verarbeitungen Sie eingestellt oder eingeschränkt haben. ${frist(c)}`,
      ],
    },
    withdrawal: {
      subject: (f) => `Widerruf der Einwilligung – Mein Zeichen: ${f.reference}`,
      body: (c) => [
        `Hiermit widerrufe ich alle Einwilligungen, die ich Ihnen gegebenenfalls zur Verarbeitung meiner personenbezogenen Daten erteilt habe, einschließlich der Einwilligung in die Speicherung von Informationen auf meinem Endgerät und den Zugriff darauf (${c.art7_3}). Der Widerruf wird mit Eingang dieses Schreibens wirksam; von diesem Zeitpunkt an sind alle auf die Einwilligung gestützten Verarbeitungen einzustellen.`,
        'Für eine kurze schriftliche Bestätigung wäre ich dankbar.',
      ],
    },
  },
  identification: (c) =>
    `Die nachstehenden Kennungen wurden von Ihnen oder in Ihrem Auftrag gesetzt oder erhoben, um meinen Browser wiederzuerkennen; solche Online-Kennungen sind personenbezogene Daten (${c.art4_1}; ${c.rec30}). Bitte verwenden Sie sie, um die betreffenden Daten aufzufinden. Sollten Sie zu meiner Identifizierung weitere Informationen benötigen, teilen Sie mir bitte mit, welche Kennung Sie benötigen und wie ich sie Ihnen übermitteln kann; verlangen Sie dabei nur das Erforderliche (${identifizierung}).`,
  noIdentifier: (c) =>
    `Dieses Schreiben nennt keine Kennung. Etwaige Cookies und Kennungen, die Sie in meinem Browser gesetzt haben, um ihn wiederzuerkennen, sind personenbezogene Daten (${c.art4_1}; ${c.rec30}). Falls Sie eine Seite anbieten, die die in meinem Browser gesetzte Kennung anzeigt, nennen Sie mir bitte deren Adresse; andernfalls teilen Sie mir bitte mit, welche Kennung Sie benötigen und wie ich sie Ihnen übermitteln kann (${identifizierung}).`,
  representative: (c) =>
    `Dieses Schreiben richtet sich an Sie als Vertreter des Verantwortlichen in der Union (${c.art27}); bitte leiten Sie es an den Verantwortlichen weiter.`,
  roles: (c) => ({
    law: 'der DSGVO',
    identify: cites(['art11_2', 'art12_6']),
    personalData: c.art4_1,
    free: c.art12_5,
    erasure: c.art17,
    exceptions: c.art17_3,
    processor: c.art28_3_e,
    complaint: c.art77,
    order: c.art58_2_c,
    updates: cites(['art77_2', 'art78_2']),
    escalate: 'Beschwerde bei einer Aufsichtsbehörde einlegen',
  }),
};

const fadpCite = Object.fromEntries(FADP_ANCHORS.map((id) => [id, zitat('DSG', id)])) as Record<FadpAnchor, string>;

const fadp: LawText<FadpAnchor> = {
  cite: fadpCite,
  rights: {
    erasure: {
      subject: (f) => `Begehren um Löschung von Personendaten – Mein Zeichen: ${f.reference}`,
      body: (c) => [
        `Gestützt auf ${c.art32_2_c} verlange ich, dass Sie alle mich betreffenden Personendaten (${c.art5_a}) löschen, insbesondere, aber nicht ausschließlich, die unten aufgeführten. Ich widerspreche ausdrücklich jeder weiteren Bearbeitung; sollte ich eine Einwilligung erteilt haben, widerrufe ich sie hiermit. Eine Bearbeitung entgegen meiner ausdrücklichen Willenserklärung verletzt meine Persönlichkeit (${c.art30_2_b}); diese Verletzung ist widerrechtlich, soweit sie nicht gerechtfertigt ist (${c.art31}).`,
        `Nach meiner Auffassung liegt kein Rechtfertigungsgrund vor. Sollten Sie sich auf einen berufen, benennen Sie ihn bitte und löschen Sie alle Daten, die er nicht erfasst. Bitte teilen Sie die Löschung den Dritten mit, denen Sie die Daten bekanntgegeben haben (vgl. ${c.art32_4}), und nennen Sie mir diese. Bitte bestätigen Sie mir die Löschung schriftlich unter Angabe der Kennungen, mit denen die Daten verknüpft waren.`,
        'Das DSG sieht hierfür keine Frist vor; ich bitte Sie, mir innerhalb von 30 Tagen nach Eingang dieses Schreibens kostenlos zu antworten.',
      ],
    },
    access: {
      subject: (f) => `Auskunftsbegehren nach Art. 25 DSG – Mein Zeichen: ${f.reference}`,
      body: (c) => [
        `Gestützt auf ${c.art25} ersuche ich Sie um Auskunft, ob Sie mich betreffende Personendaten (${c.art5_a}) bearbeiten, und gegebenenfalls um die Informationen nach ${c.art25_2}: Ihre Identität und Kontaktdaten; die bearbeiteten Personendaten als solche, darunter ${verfolgung}; den Bearbeitungszweck; die Aufbewahrungsdauer oder die Kriterien zu ihrer Festlegung; die verfügbaren Angaben über die Herkunft der Daten; gegebenenfalls das Vorliegen einer automatisierten Einzelentscheidung und die Logik, auf der sie beruht; sowie gegebenenfalls die Empfängerinnen und Empfänger oder deren Kategorien, soweit bekannt namentlich, einschließlich der Teilnehmer an Echtzeit-Auktionen und der Partner, mit denen Kennungen abgeglichen wurden. Werden Daten ins Ausland bekanntgegeben, nennen Sie mir bitte auch den Staat und die Garantien (${c.art19_4}).`,
        `Die Auskunft ist kostenlos (${c.art25_6}) und in der Regel innerhalb von 30 Tagen zu erteilen (${c.art25_7}).`,
      ],
    },
    objection: {
      subject: (f) => `Widerspruch gegen die Bearbeitung von Personendaten – Mein Zeichen: ${f.reference}`,
      body: (c) => [
        `Ich widerspreche ausdrücklich jeder Bearbeitung meiner Personendaten (${c.art5_a}) zu Werbe- und Profilingzwecken sowie ihrer Bekanntgabe an Dritte. Eine Bearbeitung entgegen meiner ausdrücklichen Willenserklärung verletzt meine Persönlichkeit (${c.art30_2_b}). Bitte stellen Sie diese Bearbeitung und Bekanntgabe ein, löschen Sie die so bearbeiteten Daten (${c.art32_2_c}) und bestätigen Sie mir dies schriftlich.`,
        'Das DSG sieht hierfür keine Frist vor; ich bitte Sie, mir innerhalb von 30 Tagen nach Eingang dieses Schreibens kostenlos zu antworten.',
      ],
    },
  },
  identification: (c) =>
    `Die nachstehenden Kennungen wurden von Ihnen oder in Ihrem Auftrag gesetzt oder erhoben, um meinen Browser wiederzuerkennen; sie beziehen sich auf mich und sind Personendaten (${c.art5_a}). Bitte verwenden Sie sie, um die betreffenden Daten aufzufinden. Sollten Sie zu meiner Identifizierung weitere Angaben benötigen, teilen Sie mir bitte mit, welche Kennung Sie benötigen und wie ich sie Ihnen übermitteln kann.`,
  noIdentifier: (c) =>
    `Dieses Schreiben nennt keine Kennung. Etwaige Cookies und Kennungen, die Sie in meinem Browser gesetzt haben, um ihn wiederzuerkennen, sind Personendaten (${c.art5_a}). Falls Sie eine Seite anbieten, die die in meinem Browser gesetzte Kennung anzeigt, nennen Sie mir bitte deren Adresse; andernfalls teilen Sie mir bitte mit, welche Kennung Sie benötigen und wie ich sie Ihnen übermitteln kann.`,
  representative: (c) =>
    `Dieses Schreiben richtet sich an Sie als Vertretung des Verantwortlichen in der Schweiz (${c.art14}); bitte leiten Sie es an den Verantwortlichen weiter.`,
  roles: (c) => ({
    law: 'des DSG',
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
    escalate: 'den Fall dem Eidgenössischen Datenschutz- und Öffentlichkeitsbeauftragten (EDÖB) anzeigen',
  }),
};

const language: LetterLanguage = {
  code: 'de',
  name: 'Deutsch',
  locale: 'de-DE',
  laws: { gdpr, fadp },
  // Swiss German writes no ß: a letter under the Swiss FADP goes to Switzerland.
  // The DSG also has its own terms: Personendaten, Bearbeitung.
  orthography: (law, text) =>
    law === 'fadp'
      ? text
          .replaceAll('ß', 'ss')
          .replaceAll('personenbezogene Daten', 'Personendaten')
          .replaceAll('Verarbeitung', 'Bearbeitung')
          .replaceAll('verarbeite', 'bearbeite')
          // Art. 49 DSG: a report to the FDPIC is an Anzeige, not a Beschwerde.
          .replace(/^(.*): Beschwerde \(Mein Zeichen/, '$1: Anzeige (Mein Zeichen')
      : text,
  kinds: {
    'site-address': 'die Websites, die ich besucht habe',
    'page-address': 'die Adressen der Seiten, die ich besucht habe',
    'full-address':
      'die vollständigen Adressen der Seiten, die ich besucht habe, einschließlich ihrer Abfrageparameter',
    'page-title': 'die Titel der Seiten, die ich besucht habe',
    'search-terms': 'meine Suchbegriffe',
    identifier: 'Kennungen meines Browsers oder Geräts',
    cookie: 'Cookies',
    email: 'meine E-Mail-Adresse',
    'hashed-email': 'einen Hashwert meiner E-Mail-Adresse',
    device: 'Angaben zu meinem Gerät (Bildschirm, Sprache, Browser)',
    location: 'meinen Standort',
    event: 'meine Interaktionen auf den Seiten (Aufrufe, Klicks, Käufe)',
    'session-recording': 'Aufzeichnungen meiner Aktivität auf den Seiten',
    secret: 'Passwörter, Tokens oder andere Zugangsdaten (hier nicht wiedergegeben)',
  },
  list: (items) =>
    items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} und ${items[items.length - 1]}`,
  salutation: 'Sehr geehrte Damen und Herren,',
  salutationAuthority: 'Sehr geehrte Damen und Herren,',
  evidence: {
    heading: 'Was mein Browser an Sie gesendet hat',
    intro:
      'Mein Browser hat auf meinem eigenen Gerät die folgenden Anfragen an Ihre Domains aufgezeichnet. Sie zeigen nur einen Ausschnitt der betroffenen Daten und sind nicht abschließend:',
    domains: (domains) => `Ihre Domains, die Daten empfangen haben: ${domains}.`,
    via: (host, site, cname) =>
      `Darunter sind Anfragen an ${host}${site ? ` (eine Subdomain der Website ${site})` : ''}; mein Browser hat sie Ihnen zugeordnet, weil der DNS-Eintrag dieses Namens ein Alias (CNAME) für ${cname ? `${cname}, eine Ihrer Domains,` : 'eine Ihrer Domains'} war.`,
    period: (first, last) => `Erstmals beobachtet am ${first}; zuletzt beobachtet am ${last}.`,
    volume: (sites, requests) =>
      `${number(requests)} ${requests === 1 ? 'Anfrage' : 'Anfragen'} von ${sites === 1 ? 'einer Website' : `${number(sites)} Websites`}.`,
    kinds: (kinds) => `Sie enthielten ${kinds}.`,
    sites: (sites) => `Websites: ${sites}.`,
    attachment: (file, sha256, sites) =>
      `Die vollständige Liste der ${sites} Websites und der Anfragen ist als ${file} beigefügt (SHA-256 ${sha256}).`,
    method: (version) =>
      `Wie dies erhoben wurde: Die Browsererweiterung Disclosed ${version} hat die Anfragen beobachtet, die mein Browser beim Surfen gestellt hat, und sie ausschließlich auf meinem Gerät gespeichert. Sie erfasst, welche Domain wann von welcher Website eine Anfrage erhielt und welche Arten von Daten die Anfrage enthielt; sie blockiert und verändert nichts.`,
  },
  identifiers: {
    heading: 'Kennungen',
    intro: 'Diese Werte wurden in Ihren Cookies oder in Anfragen an Sie beobachtet:',
    cookie: (name, domain) => `Cookie ${name} (${domain})`,
    partitioned: (sites) => `gesetzt, während ich auf ${sites} war`,
    request: (name) => `Parameter ${name} in Anfragen an Sie`,
    hashedEmail: 'SHA-256 meiner E-Mail-Adresse (in Kleinbuchstaben)',
    ip: 'meine IP-Adresse',
    keepCookies:
      'Ich werde diese Cookies vor der Erledigung dieses Antrags nicht löschen, damit Sie die Angaben überprüfen können.',
  },
  consent: {
    observed: (rs, more) =>
      `Mein Browser hat Folgendes aufgezeichnet: ${rs.map((r, i) => `${i ? 'am' : 'Am'} ${r.when} übermittelte er Ihrem Server ${r.host} von der Website ${r.site} aus ${r.what}, ${relation(r)}`).join('; ')}${more > 0 ? `; außerdem übermittelte er Ihnen ${more === 1 ? 'eine weitere solche Anfrage' : `${zahl(more)} weitere solche Anfragen`} mit einem Cookie oder einer Kennung` : ''}.`,
    heading: 'Cookie-Banner und Anfragen:',
    bannerShown: (when, site) => `${when}: Die Website ${site} zeigte mir ihr Cookie-Banner.`,
    request: (r) =>
      `${r.when}: Mein Browser übermittelte von der Website ${r.site} aus ${r.what} an ${r.host}, ${relation(r)}.`,
    answer: (a, when, site) =>
      `${when}: ${{ answered: `Ich beantwortete das Cookie-Banner von ${site} (die Aufzeichnung zeigt nicht, welche Wahl ich traf)`, 'after-refusal': `Ich verweigerte im Cookie-Banner von ${site} die Einwilligung`, 'after-partial': `Ich stimmte im Cookie-Banner von ${site} nur einzelnen Zwecken zu`, 'after-withdrawal': `Ich widerrief auf ${site} meine Einwilligung` }[a]}.`,
    more: (n) =>
      `Mein Browser hat ${n === 1 ? 'eine weitere solche Anfrage' : `${zahl(n)} weitere solche Anfragen`} aufgezeichnet.`,
    relied: (provision) =>
      `Wegen dieser Anfragen stützte sich mein Antrag auch auf ${provision} (unrechtmäßige Verarbeitung).`,
  },
  closing: 'Mit freundlichen Grüßen',
  reference: (f) => `${f.date} · Mein Zeichen: ${f.reference}`,
  rightNames: () => ({
    erasure: 'Recht auf Löschung',
    access: 'Auskunftsrecht',
    objection: 'Widerspruchsrecht',
    withdrawal: 'Recht auf Widerruf der Einwilligung',
  }),
  replies: {
    cannotIdentify: (r, f) =>
      f.cited
        ? `Sie teilen mir mit, Sie könnten mich nicht identifizieren. Mein Antrag vom ${f.date} (Mein Zeichen: ${f.reference}) nennt Kennungen, die Sie selbst gesetzt oder erhoben haben, um meinen Browser wiederzuerkennen; Online-Kennungen sind personenbezogene Daten (${r.personalData}). Sollten Sie weitere Informationen benötigen, teilen Sie mir bitte mit, welche Kennung Sie benötigen und wie ich sie Ihnen übermitteln kann (${r.identify}). Bis dahin bitte ich Sie, den Antrag anhand der genannten Kennungen zu bearbeiten.`
        : `Sie teilen mir mit, Sie könnten mich nicht identifizieren. Die Daten, auf die sich mein Antrag vom ${f.date} (Mein Zeichen: ${f.reference}) bezieht, sind mit Kennungen verknüpft, die Sie selbst gesetzt oder erhoben haben, um meinen Browser wiederzuerkennen, etwa Cookie-Kennungen; Online-Kennungen sind personenbezogene Daten (${r.personalData}). Bitte teilen Sie mir mit, welche Kennung Sie benötigen und wie ich sie Ihnen übermitteln kann (${r.identify}), und bearbeiten Sie den Antrag, sobald ich sie übermittelt habe.`,
    idDocument: (r, f) =>
      f.cited
        ? `Sie verlangen eine Kopie eines Ausweisdokuments. Die betreffenden Daten sind mit den Kennungen aus meinem Antrag vom ${f.date} (Mein Zeichen: ${f.reference}) verknüpft, nicht mit meinem Namen; ein Ausweis hilft Ihnen nicht, sie aufzufinden, und gäbe Ihnen mehr Daten, als Sie benötigen. Sie dürfen nur verlangen, was zu meiner Identifizierung erforderlich ist (${r.identify}). Bitte bearbeiten Sie den Antrag anhand der genannten Kennungen oder nennen Sie mir die Kennung, die Sie benötigen.`
        : `Sie verlangen eine Kopie eines Ausweisdokuments. Die Daten, auf die sich mein Antrag vom ${f.date} (Mein Zeichen: ${f.reference}) bezieht, sind mit Kennungen verknüpft, die in meinem Browser gesetzt oder ausgelesen wurden, nicht mit meinem Namen; ein Ausweis hilft Ihnen nicht, sie aufzufinden, und gäbe Ihnen mehr Daten, als Sie benötigen. Sie dürfen nur verlangen, was zu meiner Identifizierung erforderlich ist (${r.identify}). Bitte nennen Sie mir die Kennung, die Sie benötigen, und wie ich sie Ihnen übermitteln kann.`,
    webForm: (r, f) =>
      `Sie bitten mich, Ihr Webformular zu verwenden. Die Vorschriften ${r.law} schreiben keinen bestimmten Übermittlungsweg vor. Mein Antrag vom ${f.date} (Mein Zeichen: ${f.reference}) ist an Ihre veröffentlichte Datenschutz-Kontaktadresse gerichtet und wirksam; die Frist läuft ab seinem Eingang. Bitte bearbeiten Sie ihn wie gestellt.`,
    suppressed: (r, f) =>
      f.right === 'erasure'
        ? `Sie teilen mir mit, Sie hätten mich auf eine Sperrliste gesetzt. Das Speichern meiner Kennungen auf einer solchen Liste ist eine weitere Verarbeitung, keine Löschung. Mein Antrag vom ${f.date} (Mein Zeichen: ${f.reference}) ist auf Löschung nach ${r.erasure} gerichtet; bitte löschen Sie die Daten und bestätigen Sie, mit welchen Kennungen sie verknüpft waren. Sollten Sie Daten aufbewahren, benennen Sie bitte die Vorschrift, auf die Sie sich stützen (${r.exceptions}).`
        : `Sie teilen mir mit, Sie hätten mich auf eine Sperrliste gesetzt. Mit meinem Antrag vom ${f.date} (Mein Zeichen: ${f.reference}) habe ich mein ${f.rightName} nach den Vorschriften ${r.law} geltend gemacht; eine Sperrliste allein trägt dem nicht Rechnung. ${f.right === 'access' ? 'Bitte erteilen Sie mir die beantragte Auskunft vollständig.' : 'Bitte bestätigen Sie mir, dass Sie dem Antrag entsprochen haben, welche Kennungen die Liste enthält und dass Sie diese zu keinem anderen Zweck verwenden, als meinem Antrag Rechnung zu tragen.'}`,
    fee: (r, f) =>
      // revFADP Art. 25(6) makes access free; for any other request the law provides no fee at all.
      r.freeRights && !r.freeRights.includes(f.right)
        ? `Sie verlangen ein Entgelt. Für einen Antrag wie meinen vom ${f.date} (Mein Zeichen: ${f.reference}) sehen die Vorschriften ${r.law} kein Entgelt vor. Bitte bearbeiten Sie ihn ohne Kosten für mich.`
        : `Sie verlangen ein Entgelt. Mein Antrag vom ${f.date} (Mein Zeichen: ${f.reference}) ist unentgeltlich zu bearbeiten (${r.free}). Bitte bearbeiten Sie ihn ohne Kosten für mich.`,
    processor: (r, f) =>
      `Sie teilen mir mit, Sie verarbeiteten meine Daten nur im Auftrag anderer. Bitte nennen Sie mir zu meinem Antrag vom ${f.date} (Mein Zeichen: ${f.reference}) Namen und Kontaktdaten jedes Verantwortlichen, für den Sie die Daten verarbeiten, und leiten Sie meinen Antrag an diese weiter, damit sie ihn beantworten können${r.processor ? ` (${r.processor})` : ''}. Soweit Sie selbst über Zwecke und Mittel der Verarbeitung entscheiden, sind Sie Verantwortlicher und haben den Antrag selbst zu beantworten.`,
  },
  reminder: {
    subject: (f) => `Erinnerung: mein Schreiben vom ${f.date}, Mein Zeichen: ${f.reference}`,
    body: (r, f) =>
      f.due
        ? `Mit Schreiben vom ${f.sentOn} (Mein Zeichen: ${f.reference}) habe ich mein ${f.right} nach den Vorschriften ${r.law} geltend gemacht. Die Frist zur Beantwortung ist am ${f.due} abgelaufen, ohne dass ich eine Antwort erhalten habe. Ich fordere Sie auf, den Antrag nunmehr unverzüglich zu bearbeiten. Andernfalls werde ich ${r.escalate}.`
        : `Mit Schreiben vom ${f.sentOn} (Mein Zeichen: ${f.reference}) habe ich mein ${f.right} nach den Vorschriften ${r.law} mit sofortiger Wirkung ausgeübt. Eine Bestätigung, dass Sie die auf meine Einwilligung gestützte Verarbeitung eingestellt haben, habe ich nicht erhalten. Ich bitte Sie, dies nunmehr unverzüglich zu bestätigen. Andernfalls werde ich ${r.escalate}.`,
  },
  complaint: {
    subject: (f) => `${f.company}: Beschwerde (Mein Zeichen: ${f.reference})`,
    body: (r, f) =>
      [
        r.report
          ? `Hiermit zeige ich gestützt auf ${r.complaint} den folgenden Verantwortlichen an, der mein ${f.right} nicht beachtet hat:\n${f.controller}`
          : `Hiermit lege ich gemäß ${r.complaint} Beschwerde gegen den folgenden Verantwortlichen ein, der mein ${f.right} nicht beachtet hat:\n${f.controller}`,
        `${r.report ? 'Anzeigende Person' : 'Beschwerdeführer'}:\n${f.complainant || '(Name und Kontaktdaten bitte ergänzen)'}`,
        `Zeitlicher Ablauf:\n- ${f.sentOn}: Ich habe mein ${f.right} gegenüber ${f.recipient} geltend gemacht (Mein Zeichen: ${f.reference}).\n${f.due ? `- ${f.due}: Die Frist zur Beantwortung ist abgelaufen.\n` : ''}- Antwort: ${{ none: 'keine.', refused: 'Der Antrag wurde abgelehnt.', identification: 'Es wurden Identitätsnachweise über das Erforderliche hinaus verlangt.', partial: 'Die Antwort war unvollständig.' }[f.answer]}${timelineBlock(language.consent.heading, f.consentTimeline)}`,
        `Mein Antrag, etwaiger weiterer Schriftverkehr und die Aufzeichnung der Daten, die mein Browser an ${f.company} gesendet hat, sind beigefügt. Ich bitte Sie, ${r.report ? 'die Angelegenheit zu untersuchen' : 'die Beschwerde zu prüfen'} und ${r.order ? (r.report ? `zu verfügen, dass der Verantwortliche meinem Begehren entspricht (${r.order})` : `den Verantwortlichen anzuweisen, meinem Antrag zu entsprechen (${r.order})`) : 'darauf hinzuwirken, dass der Verantwortliche meinem Antrag entspricht'}.${r.updates ? ` Bitte unterrichten Sie mich über den Stand und das Ergebnis ${r.report ? 'Ihrer Untersuchung' : 'der Beschwerde'} (${r.updates}).` : ''}`,
        f.shareIdentity
          ? 'Mit der Weitergabe meiner Identität an den Verantwortlichen im Rahmen des Verfahrens bin ich einverstanden.'
          : 'Bitte geben Sie meine Identität nur weiter, soweit das Verfahren es erfordert, und informieren Sie mich vorher.',
      ].join('\n\n'),
  },
};

/** Counts in the letter's own number format ("12.345"). */
const number = (n: number) => new Intl.NumberFormat('de-DE').format(n);

/** Zahlen bis zwölf in Worten, wie im Fließtext üblich („zwei Sekunden“); größere in Ziffern. */
const WORTE = [
  'null',
  'eins',
  'zwei',
  'drei',
  'vier',
  'fünf',
  'sechs',
  'sieben',
  'acht',
  'neun',
  'zehn',
  'elf',
  'zwölf',
];
const zahl = (n: number) => (n > 1 && n <= 12 ? (WORTE[n] as string) : number(n));

const gap = (n: number) => (n === 0 ? 'weniger als eine Sekunde' : n === 1 ? 'eine Sekunde' : `${zahl(n)} Sekunden`);
/** Wie eine Anfrage zur Antwort der Person stand: „zwei Sekunden, bevor ich das Cookie-Banner der Website beantwortete“. */
function relation(r: ConsentEventText): string {
  // Der Nebensatz nach der Zeitangabe steht nach einem Komma.
  const g = r.seconds === undefined ? '' : `${gap(r.seconds)}, `;
  switch (r.moment) {
    case 'before-answer':
      return r.seconds === undefined
        ? 'als ich das Cookie-Banner der Website noch nicht beantwortet hatte'
        : `${g}bevor ich das Cookie-Banner der Website beantwortete`;
    case 'after-refusal':
      return `${g}nachdem ich im Cookie-Banner der Website die Einwilligung verweigert hatte`;
    case 'after-partial':
      return `${g}nachdem ich im Cookie-Banner der Website nur einzelnen Zwecken zugestimmt hatte, wobei der mit der Anfrage übermittelte Einwilligungs-String (TCF) keine Einwilligung für den Empfänger auswies`;
    case 'after-withdrawal':
      return `${g}nachdem ich meine Einwilligung widerrufen hatte`;
  }
}

export default language;
