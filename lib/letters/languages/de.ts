import { CCPA_CITATIONS, type GdprCitations, type LetterLanguage } from '../language.ts';

const gdpr = (law: string, devicePrivacy: string): GdprCitations => ({
  law,
  groundConsent: `Art. 17 Abs. 1 lit. b ${law}`,
  consentWithdrawal: `Art. 7 Abs. 3 ${law}`,
  groundObjection: `Art. 17 Abs. 1 lit. c ${law}`,
  objectionMarketing: `Art. 21 Abs. 2 ${law}`,
  objectionParticular: `Art. 21 Abs. 1 ${law}`,
  groundUnlawful: `Art. 17 Abs. 1 lit. d ${law}`,
  devicePrivacy,
  exceptions: `Art. 17 Abs. 3 ${law}`,
  notifyRecipients: `Art. 19 Satz 1 ${law}`,
  recipientsList: `Art. 19 Satz 2 ${law}`,
  deadline: `Art. 12 Abs. 3 ${law}`,
  reasonsIfNotActing: `Art. 12 Abs. 4 ${law}`,
  freeOfCharge: `Art. 12 Abs. 5 ${law}`,
  identification: `Art. 11 Abs. 2 und Art. 12 Abs. 6 ${law}`,
  representative: `Art. 27 ${law}`,
  complaint: `Art. 77 ${law}`,
  access: `Art. 15 ${law}`,
  accessCopy: `Art. 15 Abs. 3 ${law}`,
  marketingStop: `Art. 21 Abs. 3 ${law}`,
});

const language: LetterLanguage = {
  code: 'de',
  name: 'Deutsch',
  citations: {
    gdpr: gdpr('DSGVO', 'Art. 5 Abs. 3 der Richtlinie 2002/58/EG'),
    'uk-gdpr': gdpr('UK GDPR', 'Regulation 6 der Privacy and Electronic Communications Regulations 2003'),
    ccpa: CCPA_CITATIONS,
  },
  kinds: {
    'site-address': 'auf welchen Websites ich war',
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
    event: 'meine Handlungen auf Seiten (Aufrufe, Klicks, Käufe)',
    'session-recording': 'Aufzeichnungen meiner Aktivität auf Seiten',
    secret: 'Passwörter, Tokens oder andere Zugangsdaten (hier nicht wiedergegeben)',
  },
  list: (items) =>
    items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} und ${items[items.length - 1]}`,
  subject: (f) => `Antrag auf Löschung personenbezogener Daten – Zeichen ${f.reference}`,
  salutation: 'Sehr geehrte Damen und Herren,',
  gdpr: {
    request: (c) =>
      `hiermit verlange ich nach Art. 17 ${c.law} die unverzügliche Löschung aller personenbezogenen Daten, die Sie über mich verarbeiten, wie unten beschrieben.`,
    consent: (c) =>
      `Soweit Sie meine Daten auf Grundlage einer Einwilligung verarbeiten, widerrufe ich jede Einwilligung, die ich erteilt haben mag (${c.consentWithdrawal}); die Löschung ist daher nach ${c.groundConsent} geschuldet.`,
    marketing: (c) =>
      `Ich widerspreche der Verarbeitung meiner Daten zum Zwecke der Direktwerbung einschließlich des damit verbundenen Profilings (${c.objectionMarketing}). Dieser Widerspruch ist unbedingt: Die Löschung ist nach ${c.groundObjection} geschuldet.`,
    particular: (c, reason) =>
      `Außerdem widerspreche ich jeder Verarbeitung, die Sie auf berechtigte Interessen stützen, aus Gründen, die sich aus meiner besonderen Situation ergeben (${c.objectionParticular}): ${reason} Die Löschung ist daher auch nach ${c.groundObjection} geschuldet.`,
    unlawful: (c) =>
      `Informationen wurden auf meinem Gerät gespeichert oder aus ihm ausgelesen, bevor ich eingewilligt hatte, entgegen ${c.devicePrivacy}; die so erlangten Daten wurden unrechtmäßig verarbeitet und sind nach ${c.groundUnlawful} zu löschen.`,
    noException: (c) =>
      `Keine der Ausnahmen des ${c.exceptions} greift für diese Daten. Sollten Sie sich auf eine berufen, nennen Sie sie bitte und begründen Sie dies.`,
    recipients: (c) =>
      `Bitte teilen Sie die Löschung allen Empfängern mit, denen Sie diese Daten offengelegt haben (${c.notifyRecipients}), und nennen Sie mir diese Empfänger (${c.recipientsList}).`,
    confirm: () =>
      'Bitte bestätigen Sie mir schriftlich, dass die Daten gelöscht wurden, unter Nennung der Kennungen, mit denen sie verknüpft waren.',
    deadline: (c) =>
      `Sie haben innerhalb eines Monats nach Eingang dieses Antrags tätig zu werden (${c.deadline}); werden Sie nicht tätig, haben Sie mir die Gründe dafür innerhalb derselben Frist mitzuteilen (${c.reasonsIfNotActing}). Der Antrag ist unentgeltlich zu bearbeiten (${c.freeOfCharge}).`,
    identification: (c) =>
      `Die folgenden Kennungen haben Sie selbst gesetzt oder erhoben, um meinen Browser wiederzuerkennen. Sie genügen, um die betroffenen Daten zu finden; bitte fordern Sie keine weiteren Nachweise an (${c.identification}).`,
    representative: (c) => `Dieser Antrag richtet sich an Sie als Vertreter in der Union (${c.representative}).`,
  },
  ccpa: {
    request: (c) =>
      `Ich verlange nach dem California Consumer Privacy Act die Löschung aller personenbezogenen Informationen, die Sie über mich erhoben haben (${c.delete}).`,
    optOut: (c) =>
      `Außerdem untersage ich Ihnen, meine personenbezogenen Informationen zu verkaufen oder weiterzugeben (${c.optOut}).`,
    notifyOthers: (c) =>
      `Bitte weisen Sie Ihre Dienstleister, Auftragnehmer und alle Dritten, an die Sie meine Informationen verkauft oder weitergegeben haben, an, sie ebenfalls zu löschen (${c.notifyOthers}).`,
    confirm:
      'Bitte bestätigen Sie mir schriftlich die Löschung, unter Nennung der Kennungen, mit denen die Informationen verknüpft waren.',
    deadline: (c) =>
      `Sie haben innerhalb von 45 Kalendertagen nach Eingang unentgeltlich zu antworten (${c.deadline}).`,
    identification:
      'Die folgenden Kennungen haben Sie gesetzt oder erhoben, um meinen Browser wiederzuerkennen; mit ihnen können Sie diesen Antrag den betroffenen Informationen zuordnen.',
  },
  evidence: {
    heading: 'Was mein Browser nachweislich an Sie gesendet hat',
    intro: 'Mein Browser hat auf meinem eigenen Gerät die folgenden Anfragen an Ihre Domains aufgezeichnet:',
    domains: (domains) => `Ihre Domains, die Daten erhalten haben: ${domains}.`,
    period: (first, last) => `Zuerst beobachtet ${first}; zuletzt beobachtet ${last}.`,
    volume: (sites, requests) =>
      `${requests} ${requests === 1 ? 'Anfrage' : 'Anfragen'} von ${sites} ${sites === 1 ? 'Website' : 'Websites'}.`,
    kinds: (kinds) => `Sie enthielten ${kinds}.`,
    sites: (sites) => `Websites: ${sites}.`,
    attachment: (file, sha256, sites) =>
      `Die vollständige Liste der ${sites} Websites und der Anfragen ist als ${file} beigefügt (SHA-256 ${sha256}).`,
    method: (version) =>
      `So wurde dies erhoben: Die Browser-Erweiterung Disclosed ${version} hat die Anfragen beobachtet, die mein Browser beim Surfen stellte, und sie ausschließlich auf meinem Gerät gespeichert. Sie hält fest, welche Domain eine Anfrage erhielt, wann, von welcher Website und welche Arten von Daten sie enthielt; sie blockiert und verändert nichts.`,
  },
  identifiers: {
    heading: 'Kennungen',
    intro: 'Diese Werte wurden in Ihren Cookies oder in Anfragen an Sie beobachtet:',
    cookie: (name, domain) => `Cookie ${name} (${domain})`,
    request: (name) => `Parameter ${name} in Anfragen an Sie`,
    hashedEmail: 'SHA-256-Hashwert meiner E-Mail-Adresse (in Kleinbuchstaben)',
    ip: 'meine IP-Adresse',
    keepCookies: 'Ich behalte diese Cookies, bis dieser Antrag erledigt ist, damit Sie ihn prüfen können.',
  },
  closing: 'Mit freundlichen Grüßen',
  signature: 'Die Person, die den oben identifizierten Browser nutzt',
  rightNames: {
    erasure: 'Recht auf Löschung',
    access: 'Auskunftsrecht',
    objection: 'Widerspruchsrecht',
    withdrawal: 'Recht auf Widerruf der Einwilligung',
  },
  rights: {
    access: {
      subject: (f) => `Antrag auf Auskunft über personenbezogene Daten – Zeichen ${f.reference}`,
      body: (c) =>
        `Nach ${c.access} bitte ich Sie um Bestätigung, ob Sie personenbezogene Daten über mich verarbeiten, und gegebenenfalls um eine Kopie dieser Daten (${c.accessCopy}) mit den Verarbeitungszwecken, den Datenkategorien, den Empfängern, denen sie offengelegt wurden, der Speicherdauer, ihrer Herkunft und der Angabe, ob sie für automatisierte Entscheidungen einschließlich Profiling genutzt werden. Sie haben innerhalb eines Monats nach Eingang zu antworten (${c.deadline}), unentgeltlich (${c.freeOfCharge}).`,
    },
    objection: {
      subject: (f) => `Widerspruch gegen die Verarbeitung personenbezogener Daten – Zeichen ${f.reference}`,
      body: (c) =>
        `Ich widerspreche der Verarbeitung meiner personenbezogenen Daten zum Zwecke der Direktwerbung einschließlich des damit verbundenen Profilings (${c.objectionMarketing}). Meine Daten dürfen für diese Zwecke nicht mehr verarbeitet werden (${c.marketingStop}). Bitte bestätigen Sie mir dies innerhalb eines Monats nach Eingang schriftlich (${c.deadline}).`,
    },
    withdrawal: {
      subject: (f) => `Widerruf der Einwilligung – Zeichen ${f.reference}`,
      body: (c) =>
        `Ich widerrufe jede Einwilligung in die Verarbeitung meiner personenbezogenen Daten, die ich Ihnen erteilt haben mag (${c.consentWithdrawal}). Bitte beenden Sie jede darauf gestützte Verarbeitung und bestätigen Sie mir dies innerhalb eines Monats nach Eingang schriftlich (${c.deadline}).`,
    },
  },
  replies: {
    cannotIdentify: (c, f) =>
      `Sie teilen mit, Sie könnten mich nicht identifizieren. Mein Antrag vom ${f.date} (Zeichen ${f.reference}) nennt Kennungen, die Sie selbst gesetzt oder erhoben haben, um meinen Browser wiederzuerkennen; unter ihnen speichern Sie die Daten. Nach ${c.identification} dürfen Sie nur verlangen, was zur Identifizierung nötig ist, und Sie haben nicht gesagt, was darüber hinaus fehlt. Bitte bearbeiten Sie den Antrag.`,
    idDocument: (c, f) =>
      `Sie verlangen die Kopie eines Ausweises. Die betroffenen Daten sind mit den Kennungen aus meinem Antrag vom ${f.date} (Zeichen ${f.reference}) verknüpft, nicht mit meinem Namen; ein Ausweis hilft Ihnen nicht, sie zu finden, und gäbe Ihnen mehr Daten als nötig. Das ist nicht verhältnismäßig (${c.identification}). Bitte bearbeiten Sie den Antrag anhand der genannten Kennungen.`,
    webForm: (c, f) =>
      `Sie verlangen, dass ich Ihr Webformular nutze. Die ${c.law} schreibt keinen bestimmten Weg vor: Ein Antrag an Ihre veröffentlichte Datenschutzadresse ist wirksam, und die Frist nach ${c.deadline} läuft ab seinem Eingang am oder nach dem ${f.date}. Bitte bearbeiten Sie meinen Antrag (Zeichen ${f.reference}) so, wie er gestellt wurde.`,
    suppressed: (c, f) =>
      `Sie teilen mit, Sie hätten mich auf eine Sperrliste gesetzt. Meine Kennungen auf einer Liste zu führen ist weitere Verarbeitung, keine Löschung. Mein Antrag vom ${f.date} (Zeichen ${f.reference}) verlangt die Löschung nach ${c.groundConsent}; bitte löschen Sie die Daten und bestätigen Sie, mit welchen Kennungen sie verknüpft waren. Behalten Sie etwas, nennen Sie die Ausnahme des ${c.exceptions}, auf die Sie sich stützen.`,
    fee: (c, f) =>
      `Sie verlangen ein Entgelt. Anträge nach der ${c.law} sind unentgeltlich (${c.freeOfCharge}); ein einzelner Antrag wie meiner vom ${f.date} (Zeichen ${f.reference}) ist weder offenkundig unbegründet noch exzessiv. Bitte bearbeiten Sie ihn kostenfrei.`,
  },
  complaint: {
    subject: (f) => `Beschwerde: unbeantworteter Antrag an ${f.company} (Zeichen ${f.reference})`,
    body: (c, f) =>
      `Ich lege nach ${c.complaint} Beschwerde gegen ${f.company} ein.\n\nAblauf:\n- ${f.sentOn}: Antrag auf Löschung meiner personenbezogenen Daten an ${f.recipient} gesandt (Zeichen ${f.reference}).\n- ${f.due}: Die Frist nach ${c.deadline} ist abgelaufen.\n- Antwort: ${f.answer}\n\nMein Antrag und die Nachweise der Daten, die mein Browser an ${f.company} gesendet hat, sind beigefügt. Ich bitte Sie, die Beschwerde zu prüfen und ${f.company} anzuweisen, meinen Antrag zu bearbeiten.`,
    noAnswer: 'keine erhalten.',
    refused: 'eine Ablehnung.',
    identity: (share) =>
      share
        ? 'Sie dürfen meine Identität dem Verantwortlichen offenlegen, soweit dies zur Bearbeitung der Beschwerde erforderlich ist.'
        : 'Bitte legen Sie meine Identität dem Verantwortlichen nicht offen, ohne mich vorher zu fragen.',
  },
  reminder: {
    subject: (f) => `Erinnerung: unbeantworteter Antrag vom ${f.date}, Zeichen ${f.reference}`,
    body: (f) =>
      `Am ${f.sentOn} habe ich Ihnen einen Antrag (Zeichen ${f.reference}) gesandt, mit dem ich mein ${f.right} nach ${f.law} geltend gemacht habe. Die Frist zur Antwort endete am ${f.due}; eine Antwort habe ich nicht erhalten. Bitte bearbeiten Sie den Antrag nun ohne weitere Verzögerung. Andernfalls werde ich Beschwerde bei der Aufsichtsbehörde einlegen.`,
  },
};

export default language;
