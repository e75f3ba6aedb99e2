import { CCPA_CITATIONS, type GdprCitations, type LetterLanguage } from '../language.ts';

const gdpr = (law: string, devicePrivacy: string): GdprCitations => ({
  law,
  groundConsent: `article 17, paragraphe 1, point b), du ${law}`,
  consentWithdrawal: `article 7, paragraphe 3, du ${law}`,
  groundObjection: `article 17, paragraphe 1, point c), du ${law}`,
  objectionMarketing: `article 21, paragraphe 2, du ${law}`,
  objectionParticular: `article 21, paragraphe 1, du ${law}`,
  groundUnlawful: `article 17, paragraphe 1, point d), du ${law}`,
  devicePrivacy,
  exceptions: `article 17, paragraphe 3, du ${law}`,
  notifyRecipients: `article 19, première phrase, du ${law}`,
  recipientsList: `article 19, seconde phrase, du ${law}`,
  deadline: `article 12, paragraphe 3, du ${law}`,
  reasonsIfNotActing: `article 12, paragraphe 4, du ${law}`,
  freeOfCharge: `article 12, paragraphe 5, du ${law}`,
  identification: `articles 11, paragraphe 2, et 12, paragraphe 6, du ${law}`,
  representative: `article 27 du ${law}`,
  complaint: `article 77 du ${law}`,
  access: `article 15 du ${law}`,
  accessCopy: `article 15, paragraphe 3, du ${law}`,
  marketingStop: `article 21, paragraphe 3, du ${law}`,
});

const language: LetterLanguage = {
  code: 'fr',
  name: 'Français',
  citations: {
    gdpr: gdpr('RGPD', 'article 5, paragraphe 3, de la directive 2002/58/CE'),
    'uk-gdpr': gdpr('UK GDPR', 'regulation 6 des Privacy and Electronic Communications Regulations 2003'),
    ccpa: CCPA_CITATIONS,
  },
  kinds: {
    'site-address': 'les sites sur lesquels je me trouvais',
    'page-address': 'les adresses des pages que j’ai consultées',
    'full-address': 'les adresses complètes des pages que j’ai consultées, paramètres de requête compris',
    'page-title': 'les titres des pages que j’ai consultées',
    'search-terms': 'mes recherches',
    identifier: 'des identifiants de mon navigateur ou de mon appareil',
    cookie: 'des cookies',
    email: 'mon adresse électronique',
    'hashed-email': 'une empreinte (hachage) de mon adresse électronique',
    device: 'des caractéristiques de mon appareil (écran, langue, navigateur)',
    location: 'ma localisation',
    event: 'mes actions sur les pages (consultations, clics, achats)',
    'session-recording': 'des enregistrements de mon activité sur les pages',
    secret: 'des mots de passe, jetons de connexion ou autres secrets (non reproduits ici)',
  },
  list: (items) =>
    items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`,
  subject: (f) => `Demande d’effacement de données personnelles – référence ${f.reference}`,
  salutation: 'Madame, Monsieur le Délégué à la protection des données,',
  gdpr: {
    request: (c) =>
      `Je vous demande d’effacer dans les meilleurs délais l’ensemble des données personnelles me concernant que vous détenez, décrites ci-dessous, en application de l’article 17 du ${c.law}.`,
    consent: (c) =>
      `Dans la mesure où vous traitez mes données sur la base d’un consentement, je retire tout consentement que j’aurais pu donner (${c.consentWithdrawal}) ; l’effacement est donc dû au titre de l’${c.groundConsent}.`,
    marketing: (c) =>
      `Je m’oppose au traitement de mes données à des fins de prospection, y compris au profilage qui y est lié (${c.objectionMarketing}). Cette opposition est absolue : l’effacement est dû au titre de l’${c.groundObjection}.`,
    particular: (c, reason) =>
      `Je m’oppose en outre, pour des raisons tenant à ma situation particulière, à tout traitement fondé sur vos intérêts légitimes (${c.objectionParticular}) : ${reason} L’effacement est donc également dû au titre de l’${c.groundObjection}.`,
    unlawful: (c) =>
      `Des informations ont été stockées sur mon appareil ou lues depuis celui-ci avant tout consentement de ma part, en violation de l’${c.devicePrivacy} ; les données ainsi obtenues ont fait l’objet d’un traitement illicite et doivent être effacées au titre de l’${c.groundUnlawful}.`,
    noException: (c) =>
      `Aucune des exceptions prévues à l’${c.exceptions} ne s’applique à ces données. Si vous en invoquez une, merci de la nommer et de motiver votre position.`,
    recipients: (c) =>
      `Merci de notifier cet effacement à chaque destinataire auquel ces données ont été communiquées (${c.notifyRecipients}) et de m’indiquer ces destinataires (${c.recipientsList}).`,
    confirm: () =>
      'Merci de me confirmer par écrit l’effacement des données, en précisant les identifiants auxquels elles étaient liées.',
    deadline: (c) =>
      `Vous êtes tenus de donner suite à cette demande dans un délai d’un mois à compter de sa réception (${c.deadline}) ; si vous n’y donnez pas suite, vous devez m’en indiquer les motifs dans le même délai (${c.reasonsIfNotActing}). La demande est gratuite (${c.freeOfCharge}).`,
    identification: (c) =>
      `Les identifiants ci-dessous ont été déposés ou collectés par vous pour reconnaître mon navigateur. Ils suffisent à retrouver les données concernées ; merci de ne pas exiger d’autres justificatifs (${c.identification}).`,
    representative: (c) =>
      `Cette demande vous est adressée en votre qualité de représentant dans l’Union (${c.representative}).`,
  },
  ccpa: {
    request: (c) =>
      `Je vous demande, en application du California Consumer Privacy Act, de supprimer toutes les informations personnelles que vous avez collectées à mon sujet (${c.delete}).`,
    optOut: (c) =>
      `Je vous enjoins également de ne pas vendre ni partager mes informations personnelles (${c.optOut}).`,
    notifyOthers: (c) =>
      `Merci de demander à vos prestataires, sous-traitants et à tout tiers à qui vous avez vendu ou partagé mes informations de les supprimer également (${c.notifyOthers}).`,
    confirm:
      'Merci de me confirmer par écrit la suppression, en précisant les identifiants auxquels les informations étaient liées.',
    deadline: (c) =>
      `Vous devez répondre gratuitement dans un délai de 45 jours calendaires à compter de la réception (${c.deadline}).`,
    identification:
      'Les identifiants ci-dessous ont été déposés ou collectés par vous pour reconnaître mon navigateur ; ils vous permettent de rattacher cette demande aux informations concernées.',
  },
  evidence: {
    heading: 'Ce que mon navigateur vous a envoyé, tel qu’observé',
    intro: 'Mon navigateur a enregistré, sur mon propre appareil, les requêtes suivantes vers vos domaines :',
    domains: (domains) => `Vos domaines ayant reçu des données : ${domains}.`,
    period: (first, last) => `Première observation ${first} ; dernière observation ${last}.`,
    volume: (sites, requests) =>
      `${requests} ${requests === 1 ? 'requête' : 'requêtes'} depuis ${sites} ${sites === 1 ? 'site' : 'sites'}.`,
    kinds: (kinds) => `Elles contenaient ${kinds}.`,
    sites: (sites) => `Sites : ${sites}.`,
    attachment: (file, sha256, sites) =>
      `La liste complète des ${sites} sites et des requêtes figure en pièce jointe, ${file} (SHA-256 ${sha256}).`,
    method: (version) =>
      `Méthode : l’extension de navigateur Disclosed ${version} a observé les requêtes émises par mon navigateur pendant ma navigation et les a conservées uniquement sur mon appareil. Elle note quel domaine a reçu une requête, quand, depuis quel site et quels types de données elle contenait ; elle ne bloque ni ne modifie rien.`,
  },
  identifiers: {
    heading: 'Identifiants',
    intro: 'Ces valeurs ont été observées dans vos cookies ou dans des requêtes qui vous étaient adressées :',
    cookie: (name, domain) => `cookie ${name} (${domain})`,
    request: (name) => `paramètre ${name} dans les requêtes qui vous sont adressées`,
    hashedEmail: 'empreinte SHA-256 de mon adresse électronique (en minuscules)',
    ip: 'mon adresse IP',
    keepCookies: 'Je conserve ces cookies jusqu’à la clôture de cette demande, afin que vous puissiez la vérifier.',
  },
  closing: 'Veuillez agréer, Madame, Monsieur, l’expression de mes salutations distinguées.',
  signature: 'L’utilisateur du navigateur identifié ci-dessus',
  rightNames: {
    erasure: 'droit à l’effacement',
    access: 'droit d’accès',
    objection: 'droit d’opposition',
    withdrawal: 'droit de retirer mon consentement',
  },
  rights: {
    access: {
      subject: (f) => `Demande d’accès aux données personnelles – référence ${f.reference}`,
      body: (c) =>
        `En application de l’${c.access}, je vous demande de me confirmer si vous traitez des données personnelles me concernant et, le cas échéant, de m’en remettre une copie (${c.accessCopy}), avec les finalités du traitement, les catégories de données, les destinataires auxquels elles ont été communiquées, leur durée de conservation, leur source et l’existence d’une prise de décision automatisée, y compris un profilage. Vous devez répondre dans un délai d’un mois à compter de la réception (${c.deadline}), gratuitement (${c.freeOfCharge}).`,
    },
    objection: {
      subject: (f) => `Opposition au traitement de données personnelles – référence ${f.reference}`,
      body: (c) =>
        `Je m’oppose au traitement de mes données personnelles à des fins de prospection, y compris au profilage qui y est lié (${c.objectionMarketing}). Mes données ne doivent plus être traitées à ces fins (${c.marketingStop}). Merci de me le confirmer par écrit dans un délai d’un mois à compter de la réception (${c.deadline}).`,
    },
    withdrawal: {
      subject: (f) => `Retrait du consentement – référence ${f.reference}`,
      body: (c) =>
        `Je retire tout consentement que j’aurais pu vous donner au traitement de mes données personnelles (${c.consentWithdrawal}). Merci de cesser tout traitement fondé sur celui-ci et de me le confirmer par écrit dans un délai d’un mois à compter de la réception (${c.deadline}).`,
    },
  },
  replies: {
    cannotIdentify: (c, f) =>
      `Vous indiquez ne pas pouvoir m’identifier. Ma demande du ${f.date} (référence ${f.reference}) mentionne des identifiants que vous avez vous-mêmes déposés ou collectés pour reconnaître mon navigateur ; ce sont les clés sous lesquelles vous conservez les données. Au titre des ${c.identification}, vous ne pouvez demander que ce qui est nécessaire pour m’identifier, et vous n’avez pas précisé ce qui manquerait. Merci de donner suite à la demande.`,
    idDocument: (c, f) =>
      `Vous demandez la copie d’une pièce d’identité. Les données concernées sont liées aux identifiants de ma demande du ${f.date} (référence ${f.reference}), non à mon nom ; une pièce d’identité ne vous permettrait pas de les retrouver et vous donnerait plus de données que nécessaire. Cette exigence n’est pas proportionnée (${c.identification}). Merci de traiter la demande à l’aide des identifiants fournis.`,
    webForm: (c, f) =>
      `Vous me demandez d’utiliser votre formulaire en ligne. Le ${c.law} n’impose aucun canal : une demande adressée à votre contact publié est valable, et le délai de l’${c.deadline} court à compter de sa réception, le ${f.date} ou après. Merci de traiter ma demande (référence ${f.reference}) telle qu’envoyée.`,
    suppressed: (c, f) =>
      `Vous indiquez m’avoir inscrit sur une liste d’exclusion. Conserver mes identifiants sur une liste est un traitement, non un effacement. Ma demande du ${f.date} (référence ${f.reference}) porte sur l’effacement au titre de l’${c.groundConsent} ; merci d’effacer les données et de confirmer les identifiants concernés. Si vous conservez quoi que ce soit, précisez l’exception de l’${c.exceptions} invoquée.`,
    fee: (c, f) =>
      `Vous demandez un paiement. Une demande fondée sur le ${c.law} est gratuite (${c.freeOfCharge}) ; une demande unique comme la mienne du ${f.date} (référence ${f.reference}) n’est ni manifestement infondée ni excessive. Merci de la traiter sans frais.`,
  },
  complaint: {
    subject: (f) => `Plainte : demande à ${f.company} restée sans réponse (référence ${f.reference})`,
    body: (c, f) =>
      `Je dépose une plainte au titre de l’${c.complaint} contre ${f.company}.\n\nChronologie :\n- ${f.sentOn} : envoi d’une demande d’effacement de mes données personnelles à ${f.recipient} (référence ${f.reference}).\n- ${f.due} : expiration du délai prévu à l’${c.deadline}.\n- Réponse : ${f.answer}\n\nMa demande et les éléments attestant des données envoyées par mon navigateur à ${f.company} sont joints. Je vous prie d’examiner cette plainte et d’enjoindre à ${f.company} de donner suite à ma demande.`,
    noAnswer: 'aucune.',
    refused: 'un refus.',
    identity: (share) =>
      share
        ? 'Vous pouvez communiquer mon identité au responsable du traitement lorsque cela est nécessaire au traitement de la réclamation.'
        : 'Je vous prie de ne pas communiquer mon identité au responsable du traitement sans mon accord préalable.',
  },
  reminder: {
    subject: (f) => `Relance : demande du ${f.date}, référence ${f.reference}, restée sans réponse`,
    body: (f) =>
      `Le ${f.sentOn}, je vous ai adressé une demande (référence ${f.reference}) par laquelle j’exerçais mon ${f.right} au titre du ${f.law}. Le délai de réponse a expiré le ${f.due} et je n’ai reçu aucune réponse. Merci d’y donner suite sans plus attendre. À défaut, je saisirai l’autorité de contrôle.`,
  },
};

export default language;
