import type { ConsentEventText, LawText, LetterLanguage } from '../language.ts';
import { byArticle, timelineBlock } from '../language.ts';
import { FADP_ANCHORS, type FadpAnchor, GDPR_ANCHORS, type GdprAnchor } from '../laws.ts';

/** « article 17, paragraphe 1, point b), du RGPD », « considérant 30 du RGPD ». */
function rgpd(id: string): string {
  if (id.startsWith('rec')) return `considérant ${id.slice(3)} du RGPD`;
  const [art = '', ...rest] = id.replace(/^art/, '').split('_');
  const parts = rest.map((r) => partie(art, r));
  return parts.length ? [`article ${art}`, ...parts, 'du RGPD'].join(', ') : `article ${art} du RGPD`;
}

const partie = (art: string, r: string) =>
  /^\d+$/.test(r) ? (art === '4' ? `point ${r})` : `paragraphe ${r}`) : `point ${r})`;

/** Plusieurs dispositions, le RGPD nommé une fois : « article 11, paragraphe 2, et article 12, paragraphes 2 et 6, du RGPD ». */
function rgpdGroupe(ids: readonly GdprAnchor[]): string {
  const groups = byArticle(ids).map(([art, tails]) =>
    tails.length > 1 && tails.every((t) => t.length === 1 && /^\d+$/.test(t[0] ?? '') && art !== '4')
      ? `article ${art}, paragraphes ${tails.map((t) => t[0]).join(' et ')}`
      : [`article ${art}`, ...tails.map((t) => t.map((r) => partie(art, r)).join(', '))].join(', '),
  );
  return `${groups.slice(0, -1).join(', ')}${groups.length > 1 ? ', et ' : ''}${groups[groups.length - 1]}, du RGPD`;
}
const identification = rgpdGroupe(['art11_2', 'art12_2', 'art12_6']);

/** « le RGPD » → « du RGPD », « la LPD » → « de la LPD ». */
const de = (law: string) => (law.startsWith('le ') ? `du ${law.slice(3)}` : `de ${law}`);

/** « art. 30, al. 2, let. b, LPD », « art. 5, let. a, LPD ». */
function lpd(id: string): string {
  const [art, ...rest] = id.replace(/^art/, '').split('_');
  const parts = rest.map((r) => (/^\d+$/.test(r) ? `al. ${r}` : `let. ${r}`));
  return parts.length ? [`art. ${art}`, ...parts, 'LPD'].join(', ') : `art. ${art} LPD`;
}

const suivi =
  'les segments, catégories d’intérêts et autres déductions que vous avez tirés à mon sujet, les identifiants des partenaires avec lesquels vous avez synchronisé les miens, les demandes d’enchères (bid requests) dans lesquelles mes données ont été transmises, ainsi que les sites et applications sur lesquels elles ont été collectées';

const gdprCite = Object.fromEntries(GDPR_ANCHORS.map((id) => [id, rgpd(id)])) as Record<GdprAnchor, string>;

const delai = (c: Record<GdprAnchor, string>) =>
  `Je vous prie de bien vouloir m’informer des mesures prises à la suite de cette demande dans les meilleurs délais et en tout état de cause dans un délai d’un mois à compter de sa réception (${c.art12_3}). Si vous n’y donnez pas suite, il vous appartient de m’informer, dans le même délai, des motifs de votre inaction et de la possibilité d’introduire une réclamation auprès d’une autorité de contrôle et de former un recours juridictionnel (${c.art12_4}). Aucun paiement ne peut être exigé pour le traitement de cette demande (${c.art12_5}).`;
const portee = (c: Record<GdprAnchor, string>) =>
  `pour tous les services dont vous êtes responsable du traitement (${c.art4_7}), notamment, sans que cette énumération soit limitative, les données décrites ci-dessous`;

const gdpr: LawText<GdprAnchor> = {
  cite: gdprCite,
  cites: rgpdGroupe,
  rights: {
    erasure: {
      subject: (f) => `Demande d’effacement de données à caractère personnel — réf. ${f.reference}`,
      body: (c, x) => {
        const motifs = [
          `Si j’ai donné un consentement à un traitement, je le retire par la présente (${c.art7_3}) ; en l’absence d’autre fondement juridique au traitement, l’effacement s’impose en vertu de l’${c.art17_1_b}.`,
        ];
        if (x.grounds.includes('marketing'))
          motifs.push(
            `Je m’oppose au traitement de mes données à des fins de prospection, y compris au profilage lié à cette prospection (${c.art21_2}) ; les données ne peuvent plus être traitées à ces fins (${c.art21_3}) et doivent être effacées en vertu de l’${c.art17_1_c}.`,
          );
        if (x.grounds.includes('particular'))
          motifs.push(
            `Je m’oppose en outre, pour des raisons tenant à ma situation particulière, à tout traitement fondé sur vos intérêts légitimes (${c.art21_1}) : ${x.reason} À moins que vous ne démontriez des motifs légitimes et impérieux prévalant sur mes intérêts, droits et libertés, l’effacement s’impose également en vertu de l’${c.art17_1_c}.`,
          );
        return [
          `Sur le fondement de l’${c.art17}, je vous prie de bien vouloir effacer dans les meilleurs délais l’ensemble des données à caractère personnel me concernant que vous détenez, ${portee(c)}.`,
          motifs.join(' '),
          // What was observed and the resident's rule: a paragraph of its own, after the grounds it adds to.
          ...(x.grounds.includes('unlawful') && x.unlawful
            ? [
                `${x.unlawful.observed} Or, en vertu de la règle applicable dans mon pays de résidence (${x.unlawful.rule}), le stockage d’informations dans mon équipement terminal, ou l’accès à des informations déjà stockées dans celui-ci, requiert mon consentement préalable, sauf s’il est strictement nécessaire à la fourniture d’un service que j’ai expressément demandé, ce qui n’est pas le cas de la transmission de vos cookies ou identifiants à vos serveurs. Comme indiqué ci-dessus, je n’avais donné ${x.unlawful.sites === 1 ? 'sur ce site' : 'sur ces sites'} aucun consentement en faveur de votre société au moment de ces requêtes. Les données ainsi obtenues ne reposent donc sur aucune base légale au titre de l’${c.art6_1}, seul le consentement (${c.art6_1_a}) pouvant la fournir ; elles font l’objet d’un traitement illicite (${c.art5_1_a}) et doivent être effacées en vertu de l’${c.art17_1_d}.`,
              ]
            : []),
          `À mon sens, aucune des exceptions prévues à l’${c.art17_3} ne s’applique. Si vous en invoquez une, je vous prie de la préciser et d’effacer toutes les données qu’elle ne couvre pas. Je vous demande également de notifier l’effacement à chaque destinataire auquel les données ont été communiquées et de m’indiquer ces destinataires (${c.art19}). Enfin, je vous remercie de me confirmer l’effacement par écrit, en précisant les identifiants auxquels les données étaient rattachées.`,
          delai(c),
        ];
      },
    },
    access: {
      subject: (f) => `Demande d’accès aux données à caractère personnel — réf. ${f.reference}`,
      body: (c) => [
        `Sur le fondement de l’${c.art15_1}, je vous prie de bien vouloir me confirmer si vous traitez des données à caractère personnel me concernant et, le cas échéant, de m’y donner accès et de m’en fournir une copie (${c.art15_3}), ${portee(c)}. Cela comprend ${suivi}.`,
        `Je vous prie également de m’indiquer (${c.art15_1}) : a) les finalités du traitement ; b) les catégories de données concernées ; c) les destinataires auxquels les données ont été ou seront communiquées, nommément, y compris les participants aux enchères en temps réel et les partenaires avec lesquels des identifiants ont été synchronisés ; d) la durée de conservation envisagée ou les critères utilisés pour la déterminer ; e) l’existence du droit de demander la rectification ou l’effacement des données ou la limitation du traitement, ou du droit de s’opposer à ce traitement ; f) le droit d’introduire une réclamation auprès d’une autorité de contrôle ; g) lorsque les données n’ont pas été collectées auprès de moi, toute information disponible sur leur source, y compris les sites et applications concernés ; h) l’existence d’une prise de décision automatisée, y compris un profilage, et, dans ce cas, des informations utiles sur la logique sous-jacente ainsi que l’importance et les conséquences prévues de ce traitement pour moi. Lorsque des données sont transférées vers un pays tiers ou à une organisation internationale, je vous prie de m’indiquer les garanties appropriées (${c.art15_2}).`,
        delai(c),
      ],
    },
    objection: {
      subject: (f) => `Opposition au traitement de données à caractère personnel — réf. ${f.reference}`,
      body: (c, x) => [
        `Je m’oppose au traitement de mes données à caractère personnel à des fins de prospection, y compris au profilage lié à cette prospection (${c.art21_2}). À compter de la réception de ce courrier, mes données ne peuvent plus être traitées à ces fins (${c.art21_3}).`,
        `Dans la mesure où vous traitez mes données à d’autres fins sur le fondement de vos intérêts légitimes, je m’oppose également à ce traitement pour des raisons tenant à ma situation particulière (${c.art21_1})${x.reason ? ` : ${x.reason}` : ', que je préciserai sur demande.'} Je vous demande de limiter ce traitement pendant la vérification portant sur le point de savoir si vos motifs légitimes prévalent sur les miens (${c.art18_1_d}).`,
        `Je vous saurais gré de me confirmer par écrit les traitements que vous avez cessés ou limités. ${delai(c)}`,
      ],
    },
    withdrawal: {
      subject: (f) => `Retrait du consentement — réf. ${f.reference}`,
      body: (c) => [
        `Je retire tout consentement que j’aurais pu vous donner au traitement de mes données à caractère personnel, y compris au stockage d’informations sur mon terminal et à l’accès à celles-ci (${c.art7_3}). Ce retrait prend effet à la réception du présent courrier : à compter de cette date, il vous appartient de cesser tout traitement fondé sur ce consentement.`,
        'Je vous saurais gré de bien vouloir me le confirmer par écrit.',
      ],
    },
  },
  identification: (c) =>
    `Les identifiants ci-dessous ont été déposés ou collectés par vous ou pour votre compte afin de reconnaître mon navigateur ; de tels identifiants en ligne sont des données à caractère personnel (${c.art4_1} ; ${c.rec30}). Je vous prie de les utiliser pour retrouver les données concernées. Si des informations supplémentaires vous sont nécessaires pour m’identifier, je vous prie de m’indiquer de quel identifiant vous avez besoin et de quelle manière vous le transmettre, en vous limitant à ce qui est nécessaire (${identification}).`,
  noIdentifier: (c) =>
    `Ce courrier ne cite aucun identifiant. Les cookies et identifiants que vous avez pu déposer dans mon navigateur afin de le reconnaître sont des données à caractère personnel (${c.art4_1} ; ${c.rec30}). Si vous proposez une page affichant l’identifiant déposé dans mon navigateur, je vous prie de m’en indiquer l’adresse ; à défaut, de m’indiquer de quel identifiant vous avez besoin et de quelle manière vous le transmettre (${identification}).`,
  representative: (c) =>
    `Ce courrier vous est adressé en votre qualité de représentant du responsable du traitement dans l’Union (${c.art27}) ; je vous prie de le transmettre au responsable du traitement.`,
  roles: (c) => ({
    law: 'le RGPD',
    identify: rgpdGroupe(['art11_2', 'art12_6']),
    personalData: c.art4_1,
    free: c.art12_5,
    erasure: c.art17,
    exceptions: c.art17_3,
    processor: c.art28_3_e,
    complaint: c.art77,
    order: c.art58_2_c,
    updates: rgpdGroupe(['art77_2', 'art78_2']),
    escalate: 'j’introduirai une réclamation auprès d’une autorité de contrôle',
  }),
};

const fadpCite = Object.fromEntries(FADP_ANCHORS.map((id) => [id, lpd(id)])) as Record<FadpAnchor, string>;

const fadp: LawText<FadpAnchor> = {
  cite: fadpCite,
  rights: {
    erasure: {
      subject: (f) => `Demande d’effacement de données personnelles — réf. ${f.reference}`,
      body: (c) => [
        `En vertu de l’${c.art32_2_c}, je vous prie de bien vouloir effacer l’ensemble des données personnelles me concernant (${c.art5_a}), notamment, sans que cette énumération soit limitative, les données décrites ci-dessous. Je m’oppose expressément à tout traitement ultérieur et, si j’ai donné un consentement, je le retire par la présente. Un traitement contre la manifestation expresse de ma volonté constitue une atteinte à ma personnalité (${c.art30_2_b}), illicite à moins d’être justifiée (${c.art31}).`,
        `À mon sens, aucun motif justificatif ne s’applique. Si vous en invoquez un, je vous prie de le préciser et d’effacer toutes les données qu’il ne couvre pas. Je vous prie d’informer de l’effacement les tiers auxquels vous avez communiqué les données (cf. ${c.art32_4}) et de me les indiquer. Je vous prie de me confirmer l’effacement par écrit, en précisant les identifiants auxquels les données étaient rattachées.`,
        'La LPD ne fixe pas de délai à cet effet ; je vous prie de me répondre sans frais dans les 30 jours suivant la réception du présent courrier.',
      ],
    },
    access: {
      subject: (f) => `Demande d’accès selon l’art. 25 LPD — réf. ${f.reference}`,
      body: (c) => [
        `En vertu de l’${c.art25}, je vous prie de bien vouloir m’indiquer si vous traitez des données personnelles me concernant (${c.art5_a}) et, le cas échéant, de me communiquer les informations prévues à l’${c.art25_2} : votre identité et vos coordonnées ; les données personnelles traitées en tant que telles, y compris ${suivi} ; la finalité du traitement ; la durée de conservation ou les critères pour la fixer ; les informations disponibles sur la provenance des données ; le cas échéant, l’existence d’une décision individuelle automatisée et la logique sur laquelle elle se fonde ; ainsi que, le cas échéant, les destinataires ou catégories de destinataires, nommément s’ils sont connus, y compris les participants aux enchères en temps réel et les partenaires avec lesquels des identifiants ont été synchronisés. Si des données sont communiquées à l’étranger, je vous prie d’indiquer également l’État et les garanties (${c.art19_4}).`,
        `Les renseignements doivent être fournis gratuitement (${c.art25_6}) et, en règle générale, dans les 30 jours (${c.art25_7}).`,
      ],
    },
    objection: {
      subject: (f) => `Opposition au traitement de données personnelles — réf. ${f.reference}`,
      body: (c) => [
        `Je m’oppose expressément à tout traitement de mes données personnelles (${c.art5_a}) à des fins publicitaires et de profilage, ainsi qu’à leur communication à des tiers. Un traitement contre la manifestation expresse de ma volonté constitue une atteinte à ma personnalité (${c.art30_2_b}). Je vous prie d’y mettre fin, d’effacer les données ainsi traitées (${c.art32_2_c}) et de me le confirmer par écrit.`,
        'La LPD ne fixe pas de délai à cet effet ; je vous prie de me répondre sans frais dans les 30 jours suivant la réception du présent courrier.',
      ],
    },
  },
  identification: (c) =>
    `Les identifiants ci-dessous ont été déposés ou collectés par vous ou pour votre compte afin de reconnaître mon navigateur ; ils se rapportent à moi et sont des données personnelles (${c.art5_a}). Je vous prie de les utiliser pour retrouver les données concernées. Si des informations supplémentaires vous sont nécessaires pour m’identifier, je vous prie de m’indiquer de quel identifiant vous avez besoin et de quelle manière vous le transmettre.`,
  noIdentifier: (c) =>
    `Ce courrier ne cite aucun identifiant. Les cookies et identifiants que vous avez pu déposer dans mon navigateur afin de le reconnaître sont des données personnelles (${c.art5_a}). Si vous proposez une page affichant l’identifiant déposé dans mon navigateur, je vous prie de m’en indiquer l’adresse ; à défaut, de m’indiquer de quel identifiant vous avez besoin et de quelle manière vous le transmettre.`,
  representative: (c) =>
    `Ce courrier vous est adressé en votre qualité de représentant du responsable du traitement en Suisse (${c.art14}) ; je vous prie de le transmettre au responsable du traitement.`,
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
    escalate: 'je dénoncerai les faits au Préposé fédéral à la protection des données et à la transparence (PFPDT)',
  }),
};

const language: LetterLanguage = {
  code: 'fr',
  name: 'Français',
  locale: 'fr-FR',
  laws: { gdpr, fadp },
  // La LPD dit « données personnelles » et nomme « dénonciation » ce qu’on adresse au PFPDT (art. 49 LPD).
  // Typographie française : espace insécable avant « ; : ? ! » et à l’intérieur des guillemets.
  orthography: (law, text) =>
    (law === 'fadp'
      ? text
          .replaceAll('données à caractère personnel', 'données personnelles')
          .replace(/^Réclamation contre /, 'Dénonciation visant ')
      : text
    )
      .replace(/ ([;:?!»])/g, '\u00a0$1')
      .replace(/([^\s\u00a0]): /g, '$1\u00a0: ')
      .replace(/« /g, '«\u00a0'),
  adjustDate: (date) => date.replace(/^1 /, '1er '),
  kinds: {
    'site-address': 'les sites que j’ai consultés',
    'page-address': 'les adresses des pages que j’ai consultées',
    'full-address': 'les adresses complètes des pages que j’ai consultées, paramètres de requête compris',
    'page-title': 'les titres des pages que j’ai consultées',
    'search-terms': 'les termes de mes recherches',
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
  salutation: 'Madame, Monsieur,',
  salutationAuthority: 'Madame, Monsieur,',
  evidence: {
    heading: 'Ce que mon navigateur vous a envoyé',
    intro:
      'Mon navigateur a enregistré, sur mon propre appareil, les requêtes suivantes vers vos domaines. Elles ne constituent qu’un échantillon des données concernées, qui ne s’y limitent pas :',
    domains: (domains) => `Vos domaines ayant reçu des données : ${domains}.`,
    via: (host, site, cname) =>
      `Parmi elles figurent des requêtes vers ${host}${site ? ` (un sous-domaine du site ${site})` : ''}, que mon navigateur vous a attribuées car l’entrée DNS de ce nom était un alias (CNAME) de ${cname ? `${cname}, l’un de vos domaines` : 'l’un de vos domaines'}.`,
    period: (first, last) => `Première observation : ${first} ; dernière observation : ${last}.`,
    volume: (sites, requests) =>
      `${number(requests)} ${requests === 1 ? 'requête' : 'requêtes'} en provenance ${sites === 1 ? 'd’un site' : `de ${number(sites)} sites`}.`,
    kinds: (kinds) => `Elles contenaient ${kinds}.`,
    sites: (sites) => `Sites : ${sites}.`,
    attachment: (file, sha256, sites) =>
      `La liste complète des ${sites} sites et des requêtes figure en pièce jointe (fichier ${file}, SHA-256 ${sha256}).`,
    method: (version) =>
      `Méthode de collecte : l’extension de navigateur Disclosed ${version} a observé les requêtes émises par mon navigateur pendant ma navigation et les a conservées uniquement sur mon appareil. Elle enregistre quel domaine a reçu une requête, quand, depuis quel site, et quels types de données la requête contenait ; elle ne bloque ni ne modifie rien.`,
  },
  identifiers: {
    heading: 'Identifiants',
    intro: 'Ces valeurs ont été observées dans vos cookies ou dans des requêtes qui vous étaient adressées :',
    cookie: (name, domain) => `cookie ${name} (${domain})`,
    partitioned: (sites) => `déposé pendant que j’étais sur ${sites}`,
    request: (name) => `paramètre ${name} des requêtes qui vous sont adressées`,
    hashedEmail: 'SHA-256 de mon adresse électronique (en minuscules)',
    ip: 'mon adresse IP',
    keepCookies:
      'Je conserverai ces cookies jusqu’à la clôture de cette demande, afin que vous puissiez vérifier ces éléments.',
  },
  consent: {
    observed: (rs, more) =>
      `Mon navigateur a enregistré que ${rs.map((r) => `le ${r.when}, il a transmis à votre serveur ${r.host}, depuis le site ${r.site}, ${r.what}, ${relation(r)}`).join(' ; ')}${more > 0 ? ` ; il vous a en outre transmis ${more === 1 ? 'une autre requête' : `${number(more)} autres requêtes`} de ce type contenant un cookie ou un identifiant` : ''}.`,
    heading: 'Bandeau cookies et requêtes :',
    bannerShown: (when, site) => `${when} : le site ${site} m’a présenté son bandeau cookies.`,
    request: (r) =>
      `${r.when} : mon navigateur a transmis à ${r.host}, depuis le site ${r.site}, ${r.what}, ${relation(r)}.`,
    answer: (a, when, site) =>
      `${when} : ${{ answered: `j’ai répondu au bandeau cookies de ${site} (l’enregistrement n’indique pas quel choix)`, 'after-refusal': `j’ai refusé de donner mon consentement sur le bandeau cookies de ${site}`, 'after-partial': `j’ai accepté certaines finalités seulement sur le bandeau cookies de ${site}`, 'after-withdrawal': `j’ai retiré mon consentement sur ${site}` }[a]}.`,
    more: (n) =>
      `Mon navigateur a enregistré ${n === 1 ? 'une autre requête' : `${number(n)} autres requêtes`} de ce type.`,
    relied: (provision) =>
      `En raison de ces requêtes, ma demande se fondait également sur l’${provision} (traitement illicite).`,
  },
  closing: 'Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.',
  reference: (f) => `${f.date} · Réf. ${f.reference}`,
  rightNames: () => ({
    erasure: 'droit à l’effacement',
    access: 'droit d’accès',
    objection: 'droit d’opposition',
    withdrawal: 'droit de retirer mon consentement',
  }),
  replies: {
    cannotIdentify: (r, f) =>
      f.cited
        ? `Vous indiquez ne pas pouvoir m’identifier. Ma demande du ${f.date} (réf. ${f.reference}) cite des identifiants que vous avez vous-mêmes déposés ou collectés pour reconnaître mon navigateur ; les identifiants en ligne sont des données à caractère personnel (${r.personalData}). Si des informations supplémentaires vous sont nécessaires, je vous prie de m’indiquer de quel identifiant vous avez besoin et de quelle manière vous le transmettre (${r.identify}). D’ici là, je vous prie de traiter ma demande à l’aide des identifiants fournis.`
        : `Vous indiquez ne pas pouvoir m’identifier. Les données visées par ma demande du ${f.date} (réf. ${f.reference}) sont rattachées à des identifiants que vous avez vous-mêmes déposés ou collectés pour reconnaître mon navigateur, tels que des identifiants de cookies ; les identifiants en ligne sont des données à caractère personnel (${r.personalData}). Je vous prie de m’indiquer de quel identifiant vous avez besoin pour les retrouver et de quelle manière vous le transmettre (${r.identify}), puis de traiter ma demande dès que vous l’aurez reçu.`,
    idDocument: (r, f) =>
      f.cited
        ? `Vous me demandez la copie d’une pièce d’identité. Les données concernées sont rattachées aux identifiants cités dans ma demande du ${f.date} (réf. ${f.reference}), et non à mon nom ; une pièce d’identité ne vous permettrait pas de les retrouver et vous fournirait davantage de données que nécessaire. Vous ne pouvez demander que ce qui est nécessaire pour m’identifier (${r.identify}). Je vous prie de traiter ma demande à l’aide des identifiants fournis ou de m’indiquer l’identifiant dont vous avez besoin.`
        : `Vous me demandez la copie d’une pièce d’identité. Les données visées par ma demande du ${f.date} (réf. ${f.reference}) sont rattachées à des identifiants déposés ou lus dans mon navigateur, et non à mon nom ; une pièce d’identité ne vous permettrait pas de les retrouver et vous fournirait davantage de données que nécessaire. Vous ne pouvez demander que ce qui est nécessaire pour m’identifier (${r.identify}). Je vous prie de m’indiquer l’identifiant dont vous avez besoin et de quelle manière vous le transmettre.`,
    webForm: (r, f) =>
      `Vous me demandez d’utiliser votre formulaire en ligne. ${r.law.charAt(0).toUpperCase()}${r.law.slice(1)} n’impose aucun canal particulier : ma demande du ${f.date} (réf. ${f.reference}), adressée au contact que vous indiquez pour les questions de protection des données, est valable, et le délai court à compter de sa réception. Je vous prie de la traiter telle qu’elle a été envoyée.`,
    suppressed: (r, f) =>
      f.right === 'erasure'
        ? `Vous indiquez avoir inscrit mes identifiants sur une liste d’exclusion. Les conserver sur une telle liste constitue un nouveau traitement, non un effacement. Ma demande du ${f.date} (réf. ${f.reference}) porte sur l’effacement en vertu de l’${r.erasure} ; je vous prie d’effacer les données et de me confirmer les identifiants auxquels elles étaient rattachées. Si vous conservez quoi que ce soit, je vous prie de préciser la disposition invoquée (${r.exceptions}).`
        : `Vous indiquez avoir inscrit mes identifiants sur une liste d’exclusion. Par ma demande du ${f.date} (réf. ${f.reference}), j’ai exercé mon ${f.rightName} en vertu ${r.law.replace(/^le /, 'du ').replace(/^la /, 'de la ')} ; une liste d’exclusion ne suffit pas, à elle seule, à y donner suite. ${f.right === 'access' ? 'Je vous prie de me communiquer l’intégralité des informations demandées.' : 'Je vous prie de me confirmer qu’il y a été donné suite, de m’indiquer les identifiants figurant sur la liste et de n’en faire aucun autre usage que le respect de ma demande.'}`,
    fee: (r, f) =>
      // revFADP Art. 25(6) makes access free; for any other request the law provides no fee at all.
      r.freeRights && !r.freeRights.includes(f.right)
        ? `Vous demandez le paiement de frais. Or ${r.law} ne prévoit aucun frais pour une demande telle que la mienne du ${f.date} (réf. ${f.reference}). Je vous prie donc d’y donner suite sans frais.`
        : `Vous demandez le paiement de frais. Or ma demande du ${f.date} (réf. ${f.reference}) doit être traitée gratuitement (${r.free}). Je vous prie donc d’y donner suite sans frais.`,
    processor: (r, f) =>
      `Vous indiquez ne traiter mes données que pour le compte d’autrui. Je vous prie de m’indiquer, pour ma demande du ${f.date} (réf. ${f.reference}), le nom et les coordonnées de chaque responsable du traitement pour le compte duquel vous les traitez, et de lui transmettre ma demande afin qu’il puisse y répondre${r.processor ? ` (${r.processor})` : ''}. Dans la mesure où vous déterminez vous-mêmes les finalités et les moyens du traitement, vous en êtes responsable et devez répondre vous-mêmes à ma demande.`,
  },
  reminder: {
    subject: (f) => `Relance : ma demande du ${f.date}, réf. ${f.reference}`,
    body: (r, f) =>
      f.due
        ? `Par courrier du ${f.sentOn} (réf. ${f.reference}), j’ai exercé mon ${f.right} en vertu ${de(r.law)}. Le délai imparti pour y répondre a expiré le ${f.due} sans que j’aie reçu de réponse. Je vous prie de bien vouloir y donner suite sans plus tarder. À défaut, ${r.escalate}.`
        : `Par courrier du ${f.sentOn} (réf. ${f.reference}), j’ai exercé mon ${f.right} en vertu ${de(r.law)}, avec effet immédiat. Je n’ai reçu aucune confirmation de la cessation des traitements fondés sur mon consentement. Je vous prie de bien vouloir me la confirmer sans plus tarder. À défaut, ${r.escalate}.`,
  },
  complaint: {
    subject: (f) => `Réclamation contre ${f.company} (réf. ${f.reference})`,
    body: (r, f) =>
      [
        r.report
          ? `Je vous dénonce, sur le fondement de l’${r.complaint}, le responsable du traitement suivant, qui n’a pas respecté mon ${f.right} :\n${f.controller}`
          : `J’introduis une réclamation, sur le fondement de l’${r.complaint}, contre le responsable du traitement suivant, qui n’a pas respecté mon ${f.right} :\n${f.controller}`,
        `${r.report ? 'Auteur de la dénonciation' : 'Auteur de la réclamation'} :\n${f.complainant || '(nom et coordonnées à compléter)'}`,
        `Chronologie :\n- ${f.sentOn} : j’ai exercé mon ${f.right} auprès de ${f.recipient} (réf. ${f.reference}).\n${f.due ? `- ${f.due} : le délai de réponse a expiré.\n` : ''}- Réponse : ${{ none: 'aucune.', refused: 'la demande a été refusée.', identification: 'des justificatifs d’identité allant au-delà du nécessaire m’ont été demandés.', partial: 'la réponse était incomplète.' }[f.answer]}${timelineBlock(language.consent.heading, f.consentTimeline)}`,
        `Ma demande, le cas échéant, la correspondance échangée et le relevé des données que mon navigateur a envoyées à ${f.company} sont joints au présent courrier. Je vous prie ${r.report ? 'd’ouvrir une enquête' : 'd’examiner la présente réclamation'} et ${r.order ? (r.report ? `de rendre une décision ordonnant au responsable du traitement de donner suite à ma demande (${r.order})` : `d’ordonner au responsable du traitement de satisfaire à ma demande (${r.order})`) : 'de veiller à ce que le responsable du traitement satisfasse à ma demande'}.${r.updates ? ` Je vous remercie de m’informer de l’état d’avancement et de l’issue ${r.report ? 'de la procédure' : 'de la réclamation'} (${r.updates}).` : ''}`,
        f.shareIdentity
          ? 'J’accepte que mon identité soit communiquée au responsable du traitement pour les besoins de l’instruction.'
          : 'Je vous prie de ne communiquer mon identité au responsable du traitement que si l’instruction l’exige, et de m’en informer au préalable.',
      ].join('\n\n'),
  },
};

/** Counts in the letter's own number format ("12.345"). */
const number = (n: number) => new Intl.NumberFormat('fr-FR').format(n);

const gap = (n: number) => (n === 0 ? 'moins d’une seconde' : n === 1 ? 'une seconde' : `${number(n)} secondes`);
/** Comment une requête se situait par rapport à la réponse : « 2 secondes avant que je réponde au bandeau cookies du site ». */
function relation(r: ConsentEventText): string {
  const g = r.seconds === undefined ? '' : `${gap(r.seconds)} `;
  switch (r.moment) {
    case 'before-answer':
      return r.seconds === undefined
        ? 'alors que je n’avais pas encore répondu au bandeau cookies du site'
        : `${g}avant que je réponde au bandeau cookies du site`;
    case 'after-refusal':
      return `${g}après mon refus de consentement sur le bandeau cookies du site`;
    case 'after-partial':
      return `${g}après que j’ai accepté certaines finalités seulement sur le bandeau cookies du site, alors que la chaîne de consentement (TCF) transmise avec la requête n’enregistrait aucun consentement en faveur du destinataire`;
    case 'after-withdrawal':
      return `${g}après le retrait de mon consentement`;
  }
}

export default language;
