import type { ConsentEventText, LawRoles, LawText, LetterLanguage } from '../language.ts';
import { byArticle, closed, timelineBlock } from '../language.ts';
import { CCPA_ANCHORS, type CcpaAnchor, GDPR_ANCHORS, type GdprAnchor } from '../laws.ts';

/** «artículo 17, apartado 1, letra b), del RGPD», «artículo 4, punto 1, del RGPD», «considerando 30 del RGPD». */
function rgpd(id: string): string {
  if (id.startsWith('rec')) return `considerando ${id.slice(3)} del RGPD`;
  const [art = '', ...rest] = id.replace(/^art/, '').split('_');
  const parts = rest.map((r) => parte(art, r));
  return parts.length ? [`artículo ${art}`, ...parts, 'del RGPD'].join(', ') : `artículo ${art} del RGPD`;
}

const parte = (art: string, r: string) =>
  /^\d+$/.test(r) ? (art === '4' ? `punto ${r}` : `apartado ${r}`) : `letra ${r})`;

/** Varias disposiciones, el RGPD nombrado una vez: «artículo 11, apartado 2, y artículo 12, apartados 2 y 6, del RGPD». */
function rgpdGrupo(ids: readonly GdprAnchor[]): string {
  const groups = byArticle(ids).map(([art, tails]) =>
    tails.length > 1 && tails.every((t) => t.length === 1 && /^\d+$/.test(t[0] ?? '') && art !== '4')
      ? `artículo ${art}, apartados ${tails.map((t) => t[0]).join(' y ')}`
      : [`artículo ${art}`, ...tails.map((t) => t.map((r) => parte(art, r)).join(', '))].join(', '),
  );
  return `${groups.slice(0, -1).join(', ')}${groups.length > 1 ? ', y ' : ''}${groups[groups.length - 1]}, del RGPD`;
}
const identificacion = rgpdGrupo(['art11_2', 'art12_2', 'art12_6']);

/**
 * «sección 1798.130(a)(2) del Código Civil de California», «sección 7026(f) del título 11 del Código de Regulaciones
 * de California»: the section numbers as Californian texts write them, in Spanish words around them.
 */
function california(id: CcpaAnchor): string {
  if (id.startsWith('r')) {
    const [n, ...rest] = id.slice(1).split('_');
    return `sección ${n}${rest.map((r) => `(${r})`).join('')} del título 11 del Código de Regulaciones de California`;
  }
  const [base, sub, ...rest] = id.slice(1).split('_');
  const tail = rest.map((r, i) => (rest.slice(0, i + 1).every((x) => /^\d+$/.test(x)) ? `.${r}` : `(${r})`)).join('');
  return `sección ${base}.${sub}${tail} del Código Civil de California`;
}

/** A citation after «de»: «del artículo…», «de la sección…». */
const de = (cite: string) =>
  cite.startsWith('el ')
    ? `del ${cite.slice(3)}`
    : cite.startsWith('la ')
      ? `de ${cite}`
      : cite.startsWith('sección')
        ? `de la ${cite}`
        : `del ${cite}`;
const capital = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

/** What tracking leaves behind, in the subjunctive: the letter asks for it, it has not seen it. */
const seguimiento = (recogido: 'recogido' | 'recopilado') =>
  `los segmentos, las categorías de intereses y demás inferencias que me hayan atribuido, los identificadores de los socios con los que hayan sincronizado los míos, las solicitudes de puja (bid requests) en las que se hayan transmitido mis datos, y los sitios web y aplicaciones en los que se hayan ${recogido}`;

const gdprCite = Object.fromEntries(GDPR_ANCHORS.map((id) => [id, rgpd(id)])) as Record<GdprAnchor, string>;

const plazo = (c: Record<GdprAnchor, string>) =>
  `Les ruego que atiendan esta solicitud sin dilación indebida y, en cualquier caso, en el plazo de un mes a partir de su recepción (${c.art12_3}). Si no dieran curso a la solicitud, deberán informarme en ese mismo plazo de las razones de su no actuación y de la posibilidad de presentar una reclamación ante una autoridad de control y de ejercitar acciones judiciales (${c.art12_4}). El ejercicio de este derecho es gratuito (${c.art12_5}).`;
const alcance = (c: Record<GdprAnchor, string>) =>
  `respecto de todos los servicios de los que sean responsables del tratamiento (${c.art4_7}), incluidos, a título enunciativo y no limitativo, los datos que se detallan más abajo`;

const gdpr: LawText<GdprAnchor> = {
  cite: gdprCite,
  cites: rgpdGrupo,
  rights: {
    erasure: {
      subject: (f) => `Ejercicio del derecho de supresión de datos personales — ref. ${f.reference}`,
      body: (c, x) => {
        const motivos = [
          `En caso de haberles prestado mi consentimiento para algún tratamiento, lo retiro por la presente (${c.art7_3}); en la medida en que el tratamiento no se base en otro fundamento jurídico, procede la supresión conforme al ${c.art17_1_b}.`,
        ];
        if (x.grounds.includes('marketing'))
          motivos.push(
            `Me opongo, además, al tratamiento de mis datos con fines de mercadotecnia directa, incluida la elaboración de perfiles relacionada con ella (${c.art21_2}); en consecuencia, los datos ya no podrán tratarse para dichos fines (${c.art21_3}) y procede su supresión conforme al ${c.art17_1_c}.`,
          );
        if (x.grounds.includes('particular'))
          motivos.push(
            `Asimismo, me opongo, por motivos relacionados con mi situación particular, a todo tratamiento que se base en intereses legítimos, propios o de terceros (${c.art21_1}): ${x.reason} Salvo que acrediten motivos legítimos imperiosos que prevalezcan sobre mis intereses, derechos y libertades, procede igualmente la supresión conforme al ${c.art17_1_c}.`,
          );
        return [
          `Al amparo del ${c.art17}, les solicito que supriman sin dilación indebida todos los datos personales que me conciernen y que obren en su poder, ${alcance(c)}.`,
          motivos.join(' '),
          // What was observed and the resident's rule: a paragraph of its own, after the grounds it adds to.
          ...(x.grounds.includes('unlawful') && x.unlawful
            ? [
                `${x.unlawful.observed} Conforme a la norma aplicable en mi país de residencia (${x.unlawful.rule}), el almacenamiento de información en mi equipo terminal, o el acceso a información ya almacenada en él, requiere mi consentimiento previo, salvo que sea estrictamente necesario para prestar un servicio que yo haya solicitado expresamente, lo que no ocurre con el envío de sus cookies o identificadores a sus servidores. Como consta más arriba, cuando se enviaron esas peticiones yo no había dado en ${x.unlawful.sites === 1 ? 'ese sitio' : 'esos sitios'} consentimiento alguno a favor de su empresa. Los datos así obtenidos carecen, por tanto, de base jurídica conforme al ${c.art6_1}, siendo el consentimiento (${c.art6_1_a}) la única base posible para ellos; se tratan de forma ilícita (${c.art5_1_a}) y deben suprimirse conforme al ${c.art17_1_d}.`,
              ]
            : []),
          `A mi juicio, no concurre ninguna de las excepciones previstas en el ${c.art17_3}. Si invocan alguna, les ruego que la identifiquen y que supriman todos los datos que no queden amparados por ella. Deberán, además, comunicar la supresión a cada uno de los destinatarios a los que se hayan comunicado los datos, y les solicito que me informen de quiénes son (${c.art19}). Por último, les ruego que me confirmen la supresión por escrito, con indicación de los identificadores a los que estaban vinculados los datos.`,
          plazo(c),
        ];
      },
    },
    access: {
      subject: (f) => `Ejercicio del derecho de acceso a datos personales — ref. ${f.reference}`,
      body: (c) => [
        `Al amparo del ${c.art15_1}, les solicito que me confirmen si están tratando datos personales que me conciernen y, en tal caso, que me den acceso a ellos y me faciliten una copia (${c.art15_3}), ${alcance(c)}. La solicitud comprende ${seguimiento('recogido')}.`,
        `Les ruego que me informen asimismo (${c.art15_1}) de: a) los fines de cada tratamiento; b) las categorías de datos personales de que se trate; c) los destinatarios a los que se hayan comunicado o vayan a comunicarse los datos, identificados por su nombre, incluidos los participantes en las subastas en tiempo real (real-time bidding) y los socios con los que hayan sincronizado identificadores; d) el plazo previsto de conservación o, de no ser posible, los criterios utilizados para determinarlo; e) la existencia del derecho a solicitar la rectificación o supresión de los datos o la limitación de su tratamiento, o a oponerse a dicho tratamiento; f) el derecho a presentar una reclamación ante una autoridad de control; g) cuando los datos no se hayan obtenido de mí, cualquier información disponible sobre su origen, incluidos los sitios web y aplicaciones de que se trate; h) la existencia de decisiones automatizadas, incluida la elaboración de perfiles, y, en tal caso, información significativa sobre la lógica aplicada, así como la importancia y las consecuencias previstas de dicho tratamiento para mí. Si los datos se transfieren a un tercer país o a una organización internacional, les ruego que me informen de las garantías adecuadas relativas a la transferencia (${c.art15_2}).`,
        plazo(c),
      ],
    },
    objection: {
      subject: (f) => `Ejercicio del derecho de oposición al tratamiento de datos personales — ref. ${f.reference}`,
      body: (c, x) => [
        `Me opongo al tratamiento de mis datos personales con fines de mercadotecnia directa, incluida la elaboración de perfiles relacionada con ella (${c.art21_2}). A partir de la recepción de este escrito, mis datos ya no podrán tratarse para dichos fines (${c.art21_3}).`,
        `En la medida en que traten mis datos para otros fines sobre la base de intereses legítimos, propios o de terceros, me opongo también a ese tratamiento por motivos relacionados con mi situación particular (${c.art21_1})${x.reason ? `: ${x.reason}` : ', que expondré si así me lo solicitan.'} Mientras verifican si sus motivos legítimos prevalecen sobre los míos, les ruego que limiten dicho tratamiento (${c.art18_1_d}).`,
        `Les agradeceré que me confirmen por escrito qué tratamientos han interrumpido y cuáles han limitado. ${plazo(c)}`,
      ],
    },
    withdrawal: {
      subject: (f) => `Retirada del consentimiento — ref. ${f.reference}`,
      body: (c) => [
        `Retiro todos los consentimientos que les haya prestado para el tratamiento de mis datos personales, incluido el consentimiento para almacenar información en mi equipo terminal o acceder a la ya almacenada en él (${c.art7_3}). La retirada surte efecto desde la recepción de este escrito; a partir de ese momento, deberán poner fin a todo tratamiento basado en dicho consentimiento.`,
        'Les agradecería una breve confirmación por escrito.',
      ],
    },
  },
  identification: (c) =>
    `Los identificadores que figuran a continuación fueron instalados o recogidos por ustedes, o por su cuenta, para reconocer mi navegador; los identificadores en línea de este tipo son datos personales (${c.art4_1}; ${c.rec30}). Les ruego que los utilicen para localizar los datos de que se trata. Si necesitan información adicional para identificarme, indíquenme qué identificador necesitan y cómo puedo facilitárselo, y soliciten únicamente lo necesario (${identificacion}).`,
  noIdentifier: (c) =>
    `Este escrito no recoge ningún identificador. Las cookies e identificadores que, en su caso, hayan instalado en mi navegador para reconocerlo son datos personales (${c.art4_1}; ${c.rec30}). Si disponen de una página que muestre el identificador que han asignado a mi navegador, les ruego que me indiquen su dirección; en caso contrario, indíquenme qué identificador necesitan y cómo puedo facilitárselo (${identificacion}).`,
  representative: (c) =>
    `Les dirijo esta solicitud en su condición de representante del responsable del tratamiento en la Unión (${c.art27}); les ruego que la trasladen al responsable.`,
  roles: (c) => ({
    law: 'el RGPD',
    identify: rgpdGrupo(['art11_2', 'art12_6']),
    personalData: c.art4_1,
    free: c.art12_5,
    erasure: c.art17,
    exceptions: c.art17_3,
    processor: c.art28_3_e,
    complaint: c.art77,
    order: c.art58_2_c,
    updates: rgpdGrupo(['art77_2', 'art78_2']),
    escalate: 'presentar una reclamación ante la autoridad de control competente',
  }),
};

const ccpaCite = Object.fromEntries(CCPA_ANCHORS.map((id) => [id, california(id)])) as Record<CcpaAnchor, string>;

const exclusion = (c: Record<CcpaAnchor, string>) =>
  `Por la presente les indico que no vendan ni compartan mi información personal (${c.s1798_120}). Esta solicitud de exclusión no requiere verificación y debe atenderse en un plazo de 15 días hábiles desde su recepción (${c.r7026_f}).`;
const limitacion = (c: Record<CcpaAnchor, string>) =>
  `Dado que las peticiones dirigidas a ustedes contenían mi geolocalización precisa, que es información personal confidencial, les indico asimismo que limiten el uso y la divulgación de dicha información a lo que permite la ${c.s1798_121}, en un plazo de 15 días hábiles desde la recepción de esta solicitud (${c.r7027_g}).`;
const dias45 = (c: Record<CcpaAnchor, string>) =>
  `Les ruego que respondan en un plazo de 45 días calendario desde la recepción (${c.s1798_130_a_2}; ${c.r7021}), sin costo alguno. Solo podrán prorrogar este plazo una vez, por otros 45 días, si me lo notifican, con indicación de los motivos, dentro de los primeros 45 días.`;

const ccpa: LawText<CcpaAnchor> = {
  cite: ccpaCite,
  standing: (c) =>
    `Resido en California y tengo la condición de consumidor, tal como lo define la ${c.s1798_140_i}, a efectos de la Ley de Privacidad del Consumidor de California (CCPA).`,
  rights: {
    erasure: {
      subject: (f) => `Solicitud de eliminación de información personal — ref. ${f.reference}`,
      body: (c, x) => [
        `Les solicito que eliminen toda la información personal sobre mí que hayan recopilado, incluida, a título enunciativo y no limitativo, la que se detalla más abajo (${c.s1798_105}). Les ruego que indiquen a sus proveedores de servicios y contratistas que la eliminen también y que notifiquen a todos los terceros a los que la hayan vendido o con los que la hayan compartido que deben eliminarla (${c.s1798_105_c}). Si invocan alguna excepción, indíquenla y eliminen todo lo que no quede amparado por ella. Les agradeceré que me confirmen la eliminación por escrito, con indicación de los identificadores a los que estaba vinculada la información.`,
        ...(x.grounds.includes('ccpa-opt-out') ? [exclusion(c)] : []),
        ...(x.preciseLocation ? [limitacion(c)] : []),
        dias45(c),
      ],
    },
    access: {
      subject: (f) => `Solicitud para conocer la información personal recopilada — ref. ${f.reference}`,
      body: (c, x) => [
        `Les solicito que me comuniquen los elementos específicos de información personal que hayan recopilado sobre mí, incluidos ${seguimiento('recopilado')}; las categorías de información personal recopilada; las categorías de fuentes de las que procede; la finalidad empresarial o comercial de su recopilación, venta o intercambio; y las categorías de terceros a los que la divulgan (${c.s1798_110}). Les ruego que me indiquen también las categorías de información personal que hayan vendido o compartido y las categorías de terceros a los que la hayan vendido o con los que la hayan compartido, así como las categorías de información personal que hayan divulgado para un fin empresarial y las categorías de personas a las que la hayan divulgado (${c.s1798_115}).`,
        ...(x.preciseLocation ? [limitacion(c)] : []),
        dias45(c),
      ],
    },
    objection: {
      subject: (f) =>
        `Solicitud de exclusión de la venta y del intercambio de información personal — ref. ${f.reference}`,
      body: (c, x) => [
        exclusion(c),
        `Si mi navegador envía una señal de preferencia de exclusión, como Global Privacy Control, deberán tratarla igualmente como una solicitud válida de exclusión (${c.r7025_b}).`,
        ...(x.gpc
          ? [
              `Mi navegador ya les envió esa señal: ${x.gpc.requests === 1 ? 'una petición que llegó' : `${number(x.gpc.requests)} peticiones que llegaron`} a sus dominios desde ${x.gpc.sites} ${x.gpc.first === x.gpc.last ? `el ${x.gpc.first}` : `entre el ${x.gpc.first} y el ${x.gpc.last}`} ${x.gpc.requests === 1 ? 'incluía' : 'incluían'} Global Privacy Control (cabecera Sec-GPC: 1). Deben tratar esa señal como una solicitud válida de exclusión de la venta y del intercambio para este navegador y para cualquier perfil de consumidor asociado a él, incluidos los perfiles seudónimos (${c.r7025_c_1}). Les ruego que la apliquen desde el ${x.gpc.first} y que lo notifiquen a los terceros a los que hayan vendido o con los que hayan compartido mi información personal desde esa fecha (${c.r7026_f}).`,
            ]
          : []),
        ...(x.preciseLocation ? [limitacion(c)] : []),
        // With the GPC paragraph, which already asks for the third parties to be notified, the request is not repeated.
        x.gpc
          ? 'Les ruego que me confirmen esta exclusión por escrito.'
          : 'Les ruego que notifiquen esta exclusión a los terceros a los que hayan vendido mi información personal o con los que la hayan compartido, y que me la confirmen por escrito.',
      ],
    },
  },
  identification: (c) =>
    `Los identificadores que figuran a continuación fueron instalados o recopilados por ustedes, o por su cuenta, para reconocer mi navegador; los identificadores personales únicos y los identificadores en línea constituyen información personal (${c.s1798_140_v}). Les ruego que los utilicen para vincular esta solicitud con la información de que se trata. Si necesitan información adicional para ello o, cuando la ley lo exija, para verificar la solicitud, indíquenme qué necesitan y cómo puedo facilitárselo.`,
  noIdentifier: (c) =>
    `Este escrito no recoge ningún identificador. Las cookies e identificadores que, en su caso, hayan instalado en mi navegador para reconocerlo constituyen información personal (${c.s1798_140_v}). Si disponen de una página que muestre el identificador que han asignado a mi navegador, les ruego que me indiquen su dirección; en caso contrario, indíquenme qué necesitan y cómo puedo facilitárselo.`,
  roles: (c) => ({
    law: 'la CCPA',
    // Verification is § 7060 of the regulations (§ 7021 sets the response periods, not what a business may ask for).
    identify: 'sección 7060 del título 11 del Código de Regulaciones de California',
    personalData: c.s1798_140_v,
    free: c.s1798_130_a_2,
    erasure: c.s1798_105,
    exceptions: c.s1798_105,
    complaint: c.s1798_199_45,
    business: true,
    escalate:
      'presentar una queja ante la Agencia de Protección de la Privacidad de California o ante el Fiscal General de California',
  }),
};

const number = (n: number) => new Intl.NumberFormat('es-ES').format(n);

/** The words that change when the law calls the recipient a business (CCPA), not a controller. */
const terms = (r: LawRoles) =>
  r.business
    ? {
        data: 'información personal',
        erase: 'eliminen',
        erasure: 'eliminación',
        object: 'la información',
        linked: 'estaba vinculada',
        collected: 'recopilaron',
        cost: 'costo',
      }
    : {
        data: 'datos personales',
        erase: 'supriman',
        erasure: 'supresión',
        object: 'los datos',
        linked: 'estaban vinculados',
        collected: 'recogieron',
        cost: 'coste',
      };

const answers = {
  none: 'no se ha recibido ninguna.',
  refused: 'la solicitud fue denegada.',
  identification: 'se me exigieron datos de identificación que excedían de lo necesario.',
  partial: 'la respuesta fue incompleta.',
};

const identity = (share: boolean) =>
  share
    ? 'No me opongo a que se comunique mi identidad a la entidad reclamada en la tramitación de esta reclamación.'
    : 'Solicito que no se comunique mi identidad a la entidad reclamada salvo en la medida en que lo exija la tramitación de esta reclamación, y que se me avise previamente.';

const language: LetterLanguage = {
  code: 'es',
  name: 'Español',
  locale: 'es-ES',
  laws: { gdpr, ccpa },
  // Under the CCPA a complaint to the CPPA is a «queja», not a «reclamación».
  // The company a queja is about is «la empresa», not the «entidad reclamada» of a Spanish complaint.
  orthography: (law, text) =>
    law === 'ccpa'
      ? text
          .replace(/^Reclamación contra/, 'Queja contra')
          .replaceAll('esta reclamación', 'esta queja')
          .replaceAll('la entidad reclamada', 'la empresa')
      : text,
  kinds: {
    'site-address': 'los sitios web que visité',
    'page-address': 'las direcciones de las páginas que visité',
    'full-address': 'las direcciones completas de las páginas que visité, incluidos sus parámetros de consulta',
    'page-title': 'los títulos de las páginas que visité',
    'search-terms': 'los términos que busqué',
    identifier: 'identificadores de mi navegador o dispositivo',
    cookie: 'cookies',
    email: 'mi dirección de correo electrónico',
    'hashed-email': 'un valor hash de mi dirección de correo electrónico',
    device: 'datos de mi dispositivo (pantalla, idioma, navegador)',
    location: 'mi ubicación',
    event: 'las acciones que realicé en las páginas (visualizaciones, clics, compras)',
    'session-recording': 'grabaciones de mi actividad en las páginas',
    secret: 'contraseñas, tokens de inicio de sesión u otros secretos (no reproducidos aquí)',
  },
  // «y» becomes «e» before a word that begins with the sound i: «cookies e identificadores».
  list: (items) => {
    if (items.length < 2) return items[0] ?? '';
    const last = items[items.length - 1] as string;
    return `${items.slice(0, -1).join(', ')} ${/^h?i(?![aeiou])/i.test(last) ? 'e' : 'y'} ${last}`;
  },
  salutation: 'Estimados señores:',
  salutationAuthority: 'Estimados señores:',
  evidence: {
    heading: 'Datos enviados por mi navegador',
    intro:
      'Mi navegador registró, en mi propio dispositivo, las siguientes peticiones dirigidas a sus dominios. Se trata de una muestra de los datos afectados, no de una relación exhaustiva:',
    domains: (domains) => `Dominios de su titularidad que recibieron datos: ${domains}.`,
    via: (host, site, cname) =>
      `Entre ellas hay peticiones a ${host}${site ? ` (un subdominio del sitio web ${site})` : ''}, que mi navegador les atribuyó porque la entrada DNS de ese nombre era un alias (CNAME) de ${cname ? `${cname}, uno de sus dominios` : 'uno de sus dominios'}.`,
    period: (first, last) => `Primera observación: ${first}; última observación: ${last}.`,
    volume: (sites, requests) =>
      `${number(requests)} ${requests === 1 ? 'petición' : 'peticiones'} desde ${sites === 1 ? 'un sitio web' : `${number(sites)} sitios web`}.`,
    kinds: (kinds) => `Contenían ${kinds}.`,
    sites: (sites) => `Sitios web: ${sites}.`,
    attachment: (file, sha256, sites) =>
      `En el archivo adjunto ${file} (SHA-256: ${sha256}) figura la lista completa de los ${number(sites)} sitios web y de las peticiones.`,
    method: (version) =>
      `Método de obtención: la extensión de navegador Disclosed ${version} observó las peticiones que realizó mi navegador durante mi navegación y las conservó únicamente en mi dispositivo. Registra qué dominio recibió cada petición, cuándo, desde qué sitio web y qué tipos de datos contenía; no bloquea ni modifica nada.`,
  },
  identifiers: {
    heading: 'Identificadores',
    intro: 'Estos valores se observaron en sus cookies o en peticiones dirigidas a ustedes:',
    cookie: (name, domain) => `cookie ${name} (${domain})`,
    partitioned: (sites) => `establecida mientras estaba en ${sites}`,
    request: (name) => `parámetro ${name} en las peticiones dirigidas a ustedes`,
    hashedEmail: 'hash SHA-256 de mi dirección de correo electrónico, escrita en minúsculas',
    ip: 'mi dirección IP',
    keepCookies:
      'Conservaré estas cookies hasta que esta solicitud quede resuelta, para que puedan comprobar los valores citados.',
  },
  consent: {
    observed: (rs, more) =>
      `Mi navegador registró que ${rs.map((r) => `el ${r.when} envió a su servidor ${r.host}, desde el sitio ${r.site}, ${r.what}, ${relation(r)}`).join('; ')}${more > 0 ? `; y que les envió ${more === 1 ? 'otra petición' : `otras ${number(more)} peticiones`} de ese tipo con una cookie o un identificador` : ''}.`,
    heading: 'Banner de cookies y peticiones:',
    bannerShown: (when, site) => `${when}: el sitio ${site} me mostró su banner de cookies.`,
    request: (r) => `${r.when}: mi navegador envió a ${r.host}, desde el sitio ${r.site}, ${r.what}, ${relation(r)}.`,
    answer: (a, when, site) =>
      `${when}: ${{ answered: `respondí al banner de cookies de ${site} (el registro no indica qué opción elegí)`, 'after-refusal': `rechacé el consentimiento en el banner de cookies de ${site}`, 'after-partial': `acepté solo algunas finalidades en el banner de cookies de ${site}`, 'after-withdrawal': `retiré mi consentimiento en ${site}` }[a]}.`,
    more: (n) => `Mi navegador registró ${n === 1 ? 'otra petición' : `otras ${number(n)} peticiones`} de ese tipo.`,
    relied: (provision) =>
      `Debido a estas peticiones, mi solicitud de supresión se basó también en el ${provision} (tratamiento ilícito).`,
  },
  closing: 'Atentamente,',
  reference: (f) => `${f.date} · Ref.: ${f.reference}`,
  rightNames: (law) =>
    law === 'ccpa'
      ? {
          erasure: 'derecho a eliminar',
          access: 'derecho a saber',
          objection: 'derecho a excluirse de la venta y del intercambio',
          withdrawal: 'derecho a retirar el consentimiento',
        }
      : {
          erasure: 'derecho de supresión',
          access: 'derecho de acceso',
          objection: 'derecho de oposición',
          withdrawal: 'derecho a retirar el consentimiento',
        },
  replies: {
    cannotIdentify: (r, f) =>
      f.cited
        ? `En su respuesta indican que no pueden identificarme. Mi solicitud de fecha ${f.date} (ref. ${f.reference}) contiene identificadores que ustedes mismos instalaron o ${terms(r).collected} para reconocer mi navegador; los identificadores en línea son ${terms(r).data} (${r.personalData}). Si necesitan información adicional para identificarme, indíquenme qué identificador necesitan y cómo puedo facilitárselo (${r.identify}). Entretanto, les ruego que atiendan la solicitud con los identificadores facilitados.`
        : `En su respuesta indican que no pueden identificarme. Lo que pido en mi solicitud de fecha ${f.date} (ref. ${f.reference}) está vinculado a identificadores que ustedes mismos instalaron o ${terms(r).collected} para reconocer mi navegador, como los de las cookies; los identificadores en línea son ${terms(r).data} (${r.personalData}). Les ruego que me indiquen qué identificador necesitan para localizarlo y cómo puedo facilitárselo (${r.identify}), y que atiendan la solicitud en cuanto lo reciban.`,
    idDocument: (r, f) =>
      f.cited
        ? `Me solicitan una copia de mi documento de identidad. Lo que solicito está vinculado a los identificadores que figuran en mi solicitud de fecha ${f.date} (ref. ${f.reference}), no a mi nombre; un documento de identidad no les ayudaría a localizarlo y les proporcionaría más datos de los necesarios. Solo pueden exigir lo necesario para identificarme (${r.identify}). Les ruego que atiendan la solicitud con los identificadores facilitados o que me indiquen qué identificador necesitan.`
        : `Me solicitan una copia de mi documento de identidad. Lo que pido en mi solicitud de fecha ${f.date} (ref. ${f.reference}) está vinculado a identificadores instalados o leídos en mi navegador, no a mi nombre; un documento de identidad no les ayudaría a localizarlo y les proporcionaría más datos de los necesarios. Solo pueden exigir lo necesario para identificarme (${r.identify}). Les ruego que me indiquen qué identificador necesitan y cómo puedo facilitárselo.`,
    // The CCPA regulations let a business name the methods of submission; the letter claims no free choice there.
    webForm: (r, f) =>
      r.business
        ? `Me piden que utilice su formulario web. Mi solicitud de fecha ${f.date} (ref. ${f.reference}) se dirigió al contacto de privacidad que ustedes mismos publican y contiene cuanto necesitan para tramitarla. Les ruego que la tramiten tal como fue enviada o que me indiquen qué le falta.`
        : `Me piden que utilice su formulario web. ${capital(r.law)} no exige ningún canal concreto: mi solicitud de fecha ${f.date} (ref. ${f.reference}), dirigida al contacto de privacidad que ustedes han publicado, es válida, y el plazo para responder corre desde su recepción. Les ruego que la atiendan tal como fue enviada.`,
    suppressed: (r, f) =>
      f.right === 'erasure'
        ? `Indican que me han incluido en una lista de exclusión. Conservar mis identificadores en una lista es un tratamiento más, no una ${terms(r).erasure}. Mi solicitud de fecha ${f.date} (ref. ${f.reference}) pide la ${terms(r).erasure} al amparo ${de(r.erasure)}; les ruego que ${terms(r).erase} ${terms(r).object} y me confirmen a qué identificadores ${terms(r).linked}. Si conservan algo, indiquen la disposición en la que se basan (${r.exceptions}).`
        : `Indican que me han incluido en una lista de exclusión. Mediante mi solicitud de fecha ${f.date} (ref. ${f.reference}) ejercí el ${f.rightName} al amparo ${de(r.law)}; una lista de exclusión no basta, por sí sola, para atenderla. ${f.right === 'access' ? 'Les ruego que me faciliten íntegramente la información solicitada.' : 'Les ruego que me confirmen que la han atendido, qué identificadores figuran en la lista y que no los utilizan para otro fin que el de respetar mi solicitud.'}`,
    fee: (r, f) =>
      `Me piden un pago. Mi solicitud de fecha ${f.date} (ref. ${f.reference}) debe atenderse de forma gratuita (${r.free}). Les ruego que la atiendan sin ${terms(r).cost} alguno.`,
    processor: (r, f) =>
      r.business
        ? `Indican que solo actúan como proveedor de servicios de otras empresas. Les ruego que, en relación con mi solicitud de fecha ${f.date} (ref. ${f.reference}), me indiquen el nombre y los datos de contacto de cada empresa por cuenta de la cual tratan mi información personal, y que le trasladen mi solicitud para que pueda atenderla. Si son ustedes quienes deciden los fines y los medios del tratamiento de mi información, son una empresa a efectos de ${r.law} y deben atender la solicitud directamente.`
        : `Indican que solo tratan mis datos por cuenta de terceros. Les ruego que, en relación con mi solicitud de fecha ${f.date} (ref. ${f.reference}), me indiquen el nombre y los datos de contacto de cada responsable del tratamiento por cuenta del cual los tratan, y que le trasladen mi solicitud para que pueda atenderla${r.processor ? ` (${r.processor})` : ''}. Si son ustedes quienes deciden los fines y los medios del tratamiento de mis datos, tienen la condición de responsables del tratamiento y deben atender la solicitud directamente.`,
  },
  reminder: {
    subject: (f) => `Recordatorio: mi solicitud de fecha ${f.date}, ref. ${f.reference}`,
    body: (r, f) =>
      f.due
        ? `Mediante escrito de fecha ${f.sentOn} (ref. ${f.reference}), ejercité mi ${f.right} en virtud ${de(r.law)}. El plazo para responder venció el ${f.due} sin que haya recibido respuesta. Les ruego que atiendan la solicitud sin más demora. En caso contrario, procederé a ${r.escalate}.`
        : `Mediante escrito de fecha ${f.sentOn} (ref. ${f.reference}), ejercité mi ${f.right} en virtud ${de(r.law)}, con efecto inmediato. No he recibido confirmación de que hayan cesado los tratamientos basados en mi consentimiento. Les ruego que me lo confirmen sin más demora. En caso contrario, procederé a ${r.escalate}.`,
  },
  complaint: {
    subject: (f) => `Reclamación contra ${f.company} (ref. ${f.reference})`,
    body: (r, f) =>
      [
        r.business
          ? `Por medio del presente escrito presento una queja, al amparo ${de(r.complaint)}, contra la siguiente empresa, que no ha atendido debidamente el ejercicio de mi ${f.right}:\n${f.controller}`
          : `Por medio del presente escrito presento una reclamación, al amparo ${de(r.complaint)}, contra el siguiente responsable del tratamiento, que no ha atendido debidamente el ejercicio de mi ${f.right}:\n${f.controller}`,
        `Reclamante:\n${f.complainant || complaintParts.missingComplainant}`,
        `Cronología:\n- ${f.sentOn}: dirigí a ${f.recipient} una solicitud de ejercicio de mi ${f.right} (ref. ${f.reference}).\n${f.due ? `- ${f.due}: venció el plazo para responder.\n` : ''}- Respuesta: ${answers[f.answer]}${timelineBlock(language.consent.heading, f.consentTimeline)}`,
        `Se adjuntan mi solicitud, en su caso, la correspondencia mantenida y el registro de los datos que mi navegador envió a ${closed(f.company)} ${r.order ? `Solicito a esa autoridad de control que examine la reclamación y que ordene al responsable del tratamiento que atienda mi solicitud (${r.order}).` : `Solicito que se examine la ${r.business ? 'queja' : 'reclamación'} y que se vele por que la ${r.business ? 'empresa' : 'entidad'} atienda mi solicitud.`}${r.updates ? ` Solicito asimismo que se me informe del curso y del resultado de la reclamación (${r.updates}).` : ''}`,
        identity(f.shareIdentity),
      ].join('\n\n'),
  },
};

const gap = (n: number) => (n === 0 ? 'menos de un segundo' : n === 1 ? 'un segundo' : `${number(n)} segundos`);
/** Cómo se situaba una solicitud respecto de la respuesta: «2 segundos antes de que yo respondiera al banner de cookies del sitio». */
function relation(r: ConsentEventText): string {
  const g = r.seconds === undefined ? '' : `${gap(r.seconds)} `;
  switch (r.moment) {
    case 'before-answer':
      return r.seconds === undefined
        ? 'cuando yo aún no había respondido al banner de cookies del sitio'
        : `${g}antes de que yo respondiera al banner de cookies del sitio`;
    case 'after-refusal':
      return `${g}después de que yo rechazara el consentimiento en el banner de cookies del sitio`;
    case 'after-partial':
      return `${g}después de que yo aceptara solo algunas finalidades en el banner de cookies del sitio, aunque la cadena de consentimiento (TCF) enviada con la petición no registraba consentimiento alguno a favor del destinatario`;
    case 'after-withdrawal':
      return `${g}después de que yo retirara mi consentimiento`;
  }
}

export default language;

/** The parts of a complaint said apart: whether the authority may share who complains, and the complainant. */
const complaintParts = {
  identity,
  refused: answers.refused,
  complainant: 'Reclamante',
  missingComplainant: '(nombre y datos de contacto por completar)',
};
