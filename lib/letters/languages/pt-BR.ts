import type { ConsentEventText, LawText, LetterLanguage } from '../language.ts';
import { closed, timelineBlock } from '../language.ts';
import { LGPD_ANCHORS, type LgpdAnchor } from '../laws.ts';

/** Brazilian usage: ordinal up to nine ("art. 5º", "§ 6º"), cardinal from ten ("art. 18"). */
const ordinal = (n: string) => (Number(n) < 10 ? `${n}º` : n);

/** "art. 18, inciso VI, da LGPD", "art. 18, § 6º, da LGPD", "art. 5º, inciso I, da LGPD", "art. 16 da LGPD". */
function lgpdCite(id: string): string {
  const [art = '', ...rest] = id.replace(/^art/, '').split('_');
  const parts = rest.map((r) => (/^\d+$/.test(r) ? `§ ${ordinal(r)}` : `inciso ${r.toUpperCase()}`));
  return parts.length ? [`art. ${ordinal(art)}`, ...parts, 'da LGPD'].join(', ') : `art. ${ordinal(art)} da LGPD`;
}

const number = (n: number) => new Intl.NumberFormat('pt-BR').format(n);

// The requester's grammatical gender is unknown: no sentence uses "obrigado/a", "avisado/a" or the like. The company
// is addressed impersonally ("essa empresa", passive voice), as Brazilian formal letters do.

const tracking =
  'os segmentos, as categorias de interesse e as demais inferências produzidas a meu respeito, os identificadores dos parceiros com os quais os meus foram sincronizados (sincronização de cookies), as requisições de lance (bid requests) nas quais meus dados foram transmitidos e os sites e aplicativos nos quais foram coletados';

const cite = Object.fromEntries(LGPD_ANCHORS.map((id) => [id, lgpdCite(id)])) as Record<LgpdAnchor, string>;

/** Provisions a sentence relies on beyond the anchors every letter must cite. */
const necessidade = lgpdCite('art6_iii');
const providencia = lgpdCite('art18_4_ii');
const naoAgente = lgpdCite('art18_4_i');

const escopo = (c: Record<LgpdAnchor, string>) =>
  `em relação a todos os serviços dos quais essa empresa seja controladora (${c.art5_vi}), incluindo, mas não se limitando a, os dados indicados abaixo`;

const semCusto = (c: Record<LgpdAnchor, string>) =>
  `O requerimento deve ser atendido sem custos para o titular (${c.art18_5}). Não sendo possível a adoção imediata da providência, a resposta deve indicar as razões de fato ou de direito que a impedem (${providencia}). A LGPD não fixa número de dias para este atendimento; solicito resposta em até 15 (quinze) dias contados do recebimento.`;

const lgpd: LawText<LgpdAnchor> = {
  cite,
  rights: {
    erasure: {
      subject: (f) => `Requerimento de eliminação de dados pessoais – ref.: ${f.reference}`,
      body: (c) => [
        `Na qualidade de titular dos dados, apresento a essa empresa, na condição de controladora (${c.art5_vi}), o presente requerimento expresso (${c.art18_3}), com fundamento na Lei nº 13.709/2018 (Lei Geral de Proteção de Dados Pessoais – LGPD). Requeiro a eliminação de todos os dados pessoais que me dizem respeito (${c.art5_i}), ${escopo(c)}. Requeiro, em especial, a eliminação dos dados tratados com o meu consentimento (${c.art18_vi}) e a anonimização, o bloqueio ou a eliminação dos dados desnecessários, excessivos ou tratados em desconformidade com a LGPD (${c.art18_iv}). Caso tenha sido fornecido consentimento, revogo-o neste ato (${c.art18_ix}; ${c.art8_5}).`,
        `A meu ver, nenhuma das hipóteses de conservação previstas no ${c.art16} se aplica; caso alguma seja invocada, solicito que seja indicada e que sejam eliminados todos os dados por ela não abrangidos. Solicito, ainda, a informação das entidades públicas e privadas com as quais foi realizado uso compartilhado dos meus dados (${c.art18_vii}) e que esses agentes de tratamento sejam informados de imediato da eliminação, para que repitam idêntico procedimento (${c.art18_6}). Peço confirmação por escrito da eliminação, com a indicação dos identificadores aos quais os dados estavam vinculados.`,
        semCusto(c),
      ],
    },
    access: {
      subject: (f) => `Requerimento de acesso a dados pessoais – ref.: ${f.reference}`,
      body: (c) => [
        `Com fundamento no ${lgpdCite('art18_i')} e no ${c.art18_ii}, requeiro a confirmação da existência de tratamento de dados pessoais que me dizem respeito (${c.art5_i}) e o acesso a esses dados, ${escopo(c)}. Estão abrangidos, em especial, ${tracking}; os dados utilizados para a formação do perfil comportamental de determinada pessoa natural, se identificada, podem igualmente ser considerados dados pessoais (${c.art12_2}). Solicito, ainda, a informação das entidades públicas e privadas com as quais foi realizado uso compartilhado desses dados (${c.art18_vii}).`,
        `Requeiro que a resposta seja fornecida por meio de declaração clara e completa, que indique a origem dos dados ou a inexistência de registro, os critérios utilizados e a finalidade do tratamento, no prazo de até 15 (quinze) dias contado da data deste requerimento (${c.art19_ii}), sem custos para o titular (${c.art18_5}).`,
      ],
    },
    objection: {
      subject: (f) => `Oposição ao tratamento de dados pessoais – ref.: ${f.reference}`,
      body: (c) => [
        `Com base no ${c.art18_2}, oponho-me ao tratamento de meus dados pessoais (${c.art5_i}) realizado com fundamento em qualquer das hipóteses de dispensa de consentimento, em especial para fins de publicidade e de formação de perfil comportamental, por entender que esse tratamento descumpre o disposto na LGPD. Requeiro que esse tratamento cesse e que os dados assim tratados sejam bloqueados ou eliminados (${c.art18_iv}). Peço confirmação por escrito dos tratamentos encerrados.`,
        semCusto(c),
      ],
    },
    withdrawal: {
      subject: (f) => `Revogação do consentimento – ref.: ${f.reference}`,
      body: (c) => [
        `Revogo, neste ato, todo e qualquer consentimento fornecido a essa empresa para o tratamento de meus dados pessoais, inclusive para o armazenamento de informações em meu dispositivo e o acesso a elas (${c.art18_ix}; ${c.art8_5}). A revogação produz efeitos a partir do recebimento desta carta; a partir de então, deve cessar todo tratamento fundamentado nesse consentimento.`,
        'Agradeço a confirmação por escrito.',
      ],
    },
  },
  identification: (c) =>
    `Os identificadores abaixo foram instalados ou coletados por essa empresa, ou em seu nome, para reconhecer o meu navegador; são informações relacionadas a pessoa natural identificável e, portanto, dados pessoais (${c.art5_i}). Solicito que sejam utilizados para localizar os dados em questão. Caso sejam necessárias informações adicionais para me identificar, peço que me seja informado qual identificador é necessário e como posso fornecê-lo, observado o princípio da necessidade (${necessidade}).`,
  noIdentifier: (c) =>
    `Esta carta não cita nenhum identificador. Os cookies e demais identificadores que essa empresa tenha instalado no meu navegador para reconhecê-lo são dados pessoais (${c.art5_i}). Caso a empresa disponibilize uma página que exiba o identificador instalado no meu navegador, peço que me seja informado o endereço; do contrário, qual identificador é necessário e como posso fornecê-lo, observado o princípio da necessidade (${necessidade}).`,
  roles: (c) => ({
    law: 'a LGPD',
    identify: `${c.art18_3} e ${necessidade}`,
    personalData: c.art5_i,
    free: c.art18_5,
    erasure: `${c.art18_iv} e no ${c.art18_vi}`,
    exceptions: c.art16,
    processor: `${naoAgente} e ${c.art39}`,
    complaint: c.art18_1,
    escalate: 'apresentarei petição à Autoridade Nacional de Proteção de Dados (ANPD)',
  }),
};

/** "a LGPD" → "na LGPD"; "A LGPD" at the start of a sentence. */
const naLaw = (law: string) => law.replace(/^a /, 'na ');
const capital = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

const language: LetterLanguage = {
  code: 'pt-BR',
  name: 'Português (Brasil)',
  locale: 'pt-BR',
  laws: { lgpd },
  // Brazil writes the first of the month as an ordinal: "1º de outubro de 2026".
  adjustDate: (date) => date.replace(/^1 de /, '1º de '),
  kinds: {
    'site-address': 'os sites que visitei',
    'page-address': 'os endereços das páginas que visitei',
    'full-address': 'os endereços completos das páginas que visitei, incluindo os parâmetros de consulta',
    'page-title': 'os títulos das páginas que visitei',
    'search-terms': 'o que pesquisei',
    identifier: 'identificadores do meu navegador ou dispositivo',
    cookie: 'cookies',
    email: 'meu endereço de e-mail',
    'hashed-email': 'um hash do meu endereço de e-mail',
    device: 'características do meu dispositivo (tela, idioma, navegador)',
    location: 'minha localização',
    event: 'minhas ações nas páginas (visualizações, cliques, compras)',
    'session-recording': 'gravações da minha atividade nas páginas',
    secret: 'senhas, tokens de acesso ou outros segredos (não reproduzidos aqui)',
  },
  list: (items) =>
    items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} e ${items[items.length - 1]}`,
  salutation: 'Prezados Senhores,',
  salutationAuthority: 'Prezados Senhores,',
  evidence: {
    heading: 'O que o meu navegador enviou aos domínios da empresa',
    intro:
      'Meu navegador registrou, no meu próprio dispositivo, as seguintes requisições aos domínios da empresa. Elas são uma amostra dos dados em questão, e não o seu limite:',
    domains: (domains) => `Domínios da empresa que receberam dados: ${domains}.`,
    via: (host, site, cname) =>
      `Entre elas há requisições a ${host}${site ? ` (um subdomínio do site ${site})` : ''}, que meu navegador atribuiu à empresa porque o registro DNS desse nome era um alias (CNAME) de ${cname ? `${cname}, um dos domínios da empresa` : 'um dos domínios da empresa'}.`,
    period: (first, last) => `Primeiro registro: ${first}; último registro: ${last}.`,
    volume: (sites, requests) =>
      `${number(requests)} ${requests === 1 ? 'requisição' : 'requisições'} a partir de ${sites === 1 ? 'um site' : `${number(sites)} sites`}.`,
    kinds: (kinds) => `Elas continham ${kinds}.`,
    sites: (sites) => `Sites: ${sites}.`,
    attachment: (file, sha256, sites) =>
      `A lista completa dos ${number(sites)} sites e das requisições segue anexa, no arquivo ${file} (SHA-256 ${sha256}).`,
    method: (version) =>
      `Forma de coleta: a extensão de navegador Disclosed ${version} observou as requisições feitas pelo meu navegador durante a navegação e as manteve apenas no meu dispositivo. Ela registra qual domínio recebeu cada requisição, quando, a partir de qual site e que tipos de dados a requisição continha; não bloqueia nem altera nada.`,
  },
  identifiers: {
    heading: 'Identificadores',
    intro: 'Estes valores foram observados nos cookies da empresa ou em requisições enviadas a ela:',
    cookie: (name, domain) => `cookie ${name} (${domain})`,
    partitioned: (sites) => `definido enquanto eu estava em ${sites}`,
    request: (name) => `parâmetro ${name} nas requisições enviadas à empresa`,
    hashedEmail: 'SHA-256 do meu endereço de e-mail (em minúsculas)',
    ip: 'meu endereço IP',
    keepCookies: 'Manterei esses cookies até a conclusão deste requerimento, para que possam ser verificados.',
  },
  consent: {
    observed: (rs, more) =>
      `Meu navegador registrou que ${rs.map((r) => `em ${r.when} enviou ao seu servidor ${r.host}, a partir do site ${r.site}, ${r.what}, ${relation(r)}`).join('; ')}${more > 0 ? `; e que lhes enviou ${more === 1 ? 'mais uma requisição' : `mais ${number(more)} requisições`} desse tipo com um cookie ou um identificador` : ''}.`,
    heading: 'Banner de cookies e requisições:',
    bannerShown: (when, site) => `${when}: o site ${site} me exibiu seu banner de cookies.`,
    request: (r) =>
      `${r.when}: meu navegador enviou a ${r.host}, a partir do site ${r.site}, ${r.what}, ${relation(r)}.`,
    answer: (a, when, site) =>
      `${when}: ${{ answered: `respondi ao banner de cookies de ${site} (o registro não mostra qual foi a escolha)`, 'after-refusal': `recusei o consentimento no banner de cookies de ${site}`, 'after-partial': `aceitei apenas algumas finalidades no banner de cookies de ${site}`, 'after-withdrawal': `revoguei meu consentimento em ${site}` }[a]}.`,
    more: (n) =>
      `Meu navegador registrou ${n === 1 ? 'mais uma requisição' : `mais ${number(n)} requisições`} desse tipo.`,
    relied: (provision) =>
      `Por causa dessas requisições, meu pedido se baseou também no ${provision} (tratamento ilícito).`,
  },
  closing: 'Atenciosamente,',
  reference: (f) => `${f.date} · Ref.: ${f.reference}`,
  rightNames: () => ({
    erasure: 'direito à eliminação dos dados',
    access: 'direito de acesso',
    objection: 'direito de oposição',
    withdrawal: 'direito de revogação do consentimento',
  }),
  replies: {
    cannotIdentify: (r, f) =>
      f.cited
        ? `Essa empresa informou que não seria possível me identificar. Meu requerimento de ${f.date} (ref.: ${f.reference}) indica identificadores que a própria empresa instalou ou coletou para reconhecer o meu navegador; informações relacionadas a pessoa natural identificável são dados pessoais (${r.personalData}). Caso sejam necessárias informações adicionais para me identificar, peço que me seja informado qual identificador é necessário e como posso fornecê-lo (${r.identify}). Até lá, solicito que o requerimento seja atendido com base nos identificadores fornecidos.`
        : `Essa empresa informou que não seria possível me identificar. Os dados a que se refere meu requerimento de ${f.date} (ref.: ${f.reference}) estão vinculados a identificadores que a própria empresa instalou ou coletou para reconhecer o meu navegador, como identificadores de cookies; informações relacionadas a pessoa natural identificável são dados pessoais (${r.personalData}). Peço que me seja informado qual identificador é necessário para localizá-los e como posso fornecê-lo (${r.identify}), e que o requerimento seja atendido assim que ele for recebido.`,
    idDocument: (r, f) =>
      f.cited
        ? `Essa empresa solicitou cópia de documento de identidade. Os dados em questão estão vinculados aos identificadores indicados em meu requerimento de ${f.date} (ref.: ${f.reference}), e não ao meu nome; um documento de identidade não ajudaria a localizá-los e forneceria mais dados pessoais do que o necessário. Somente podem ser exigidas as informações necessárias para me identificar (${r.identify}). Solicito que o requerimento seja atendido com base nos identificadores fornecidos, ou que me seja indicado o identificador necessário.`
        : `Essa empresa solicitou cópia de documento de identidade. Os dados a que se refere meu requerimento de ${f.date} (ref.: ${f.reference}) estão vinculados a identificadores instalados ou lidos em meu navegador, e não ao meu nome; um documento de identidade não ajudaria a localizá-los e forneceria mais dados pessoais do que o necessário. Somente podem ser exigidas as informações necessárias para me identificar (${r.identify}). Solicito que me seja indicado o identificador necessário e como posso fornecê-lo.`,
    webForm: (r, f) =>
      `Essa empresa solicitou que eu utilizasse o seu formulário eletrônico. ${capital(r.law)} não exige canal específico: meu requerimento de ${f.date} (ref.: ${f.reference}), enviado ao contato de privacidade publicado pela empresa, é válido, e o prazo de resposta é contado a partir de seu recebimento. Solicito que seja atendido tal como enviado.`,
    suppressed: (r, f) =>
      f.right === 'erasure'
        ? `Essa empresa informou que incluiu meus identificadores em uma lista de supressão. Manter meus identificadores em uma lista é um novo tratamento, e não uma eliminação. Meu requerimento de ${f.date} (ref.: ${f.reference}) pede a eliminação com fundamento no ${r.erasure}; solicito que os dados sejam eliminados e que seja confirmado a quais identificadores estavam vinculados. Caso algum dado seja conservado, peço que seja indicada a hipótese legal invocada (${r.exceptions}).`
        : `Essa empresa informou que incluiu meus identificadores em uma lista de supressão. Em meu requerimento de ${f.date} (ref.: ${f.reference}), exerci o ${f.rightName} nos termos d${r.law}; a mera inclusão em uma lista de supressão não o atende. ${f.right === 'access' ? 'Solicito que as informações requeridas sejam fornecidas integralmente.' : 'Solicito que seja confirmado que o requerimento foi atendido, quais identificadores constam da lista e que eles não são utilizados para outra finalidade senão a de respeitar o meu requerimento.'}`,
    fee: (r, f) =>
      `Essa empresa exigiu o pagamento de uma taxa. Um requerimento como o meu, de ${f.date} (ref.: ${f.reference}), deve ser atendido sem custos para o titular (${r.free}). Solicito que seja atendido gratuitamente.`,
    processor: (r, f) =>
      `Essa empresa informou que trata meus dados apenas em nome de terceiros, na condição de operadora. Solicito que, em relação ao meu requerimento de ${f.date} (ref.: ${f.reference}), sejam informados o nome e os dados de contato de cada controlador em nome do qual os dados são tratados, e que o requerimento lhe seja encaminhado para que possa respondê-lo${r.processor ? ` (${r.processor})` : ''}. Caso essa empresa tome as decisões referentes ao tratamento dos meus dados, ela é a controladora desses dados e deve responder diretamente ao requerimento.`,
  },
  reminder: {
    subject: (f) => `Acompanhamento do requerimento de ${f.date} – ref.: ${f.reference}`,
    body: (r, f) =>
      f.due
        ? `Em ${f.sentOn}, encaminhei requerimento (ref.: ${f.reference}) para o exercício do meu ${f.right}, com fundamento ${naLaw(r.law)}. O prazo para resposta terminou em ${f.due}, sem que eu tenha recebido resposta. Solicito que o requerimento seja atendido sem mais demora. Caso contrário, ${r.escalate}.`
        : `Em ${f.sentOn}, encaminhei carta (ref.: ${f.reference}) exercendo, com efeitos imediatos, o meu ${f.right}, com fundamento ${naLaw(r.law)}. Não recebi confirmação de que o tratamento baseado no meu consentimento tenha sido encerrado. Solicito essa confirmação sem mais demora. Caso contrário, ${r.escalate}.`,
  },
  complaint: {
    subject: (f) => `Petição contra ${f.company} (ref.: ${f.reference})`,
    body: (r, f) =>
      [
        `Com fundamento no ${r.complaint}, apresento petição contra o seguinte controlador, que não atendeu ao requerimento de exercício do meu ${f.right}:\n${f.controller}`,
        `Titular:\n${f.complainant || '(nome e dados de contato a completar)'}`,
        `Histórico:\n- ${f.sentOn}: encaminhei a ${f.recipient} requerimento de exercício do meu ${f.right} (ref.: ${f.reference}).\n${f.due ? `- ${f.due}: terminou o prazo para resposta.\n` : ''}- Resposta: ${{ none: 'nenhuma.', refused: 'o requerimento foi negado.', identification: 'foram exigidos dados de identificação além do necessário.', partial: 'a resposta foi incompleta.' }[f.answer]}${timelineBlock(language.consent.heading, f.consentTimeline)}`,
        `Seguem anexos o requerimento, a correspondência trocada e o registro dos dados que o meu navegador enviou a ${closed(f.company)} Solicito que esta petição seja apreciada e que ${r.order ? `seja determinado ao controlador que atenda ao meu requerimento (${r.order})` : 'sejam adotadas as medidas cabíveis para que o controlador atenda ao meu requerimento'}.${r.updates ? ` Solicito, ainda, que me informem do andamento e do resultado desta petição (${r.updates}).` : ''}`,
        complaintParts.identity(f.shareIdentity),
      ].join('\n\n'),
  },
};

const gap = (n: number) => (n === 0 ? 'menos de um segundo' : n === 1 ? 'um segundo' : `${number(n)} segundos`);
/** Como uma requisição se situava em relação à resposta: “2 segundos antes de eu ter respondido ao banner de cookies do site”. */
function relation(r: ConsentEventText): string {
  const g = r.seconds === undefined ? '' : `${gap(r.seconds)} `;
  switch (r.moment) {
    case 'before-answer':
      return r.seconds === undefined
        ? 'quando eu ainda não tinha respondido ao banner de cookies do site'
        : `${g}antes de eu ter respondido ao banner de cookies do site`;
    case 'after-refusal':
      return `${g}depois de eu ter recusado o consentimento no banner de cookies do site`;
    case 'after-partial':
      return `${g}depois de eu ter aceitado apenas algumas finalidades no banner de cookies do site, embora a cadeia de consentimento (TCF) enviada com a requisição não registrasse nenhum consentimento a favor do destinatário`;
    case 'after-withdrawal':
      return `${g}depois de eu ter revogado meu consentimento`;
  }
}

export default language;

/** The parts of a complaint said apart: whether the authority may share who complains, and the complainant. */
const complaintParts = {
  identity: (share: boolean) =>
    share
      ? 'Autorizo que minha identidade seja informada ao controlador para fins de apuração desta petição.'
      : 'Solicito que minha identidade não seja informada ao controlador, salvo na medida necessária à apuração desta petição, e que, nesse caso, me informem previamente.',
  refused: 'negado',
};
