import type { ConsentEventText, LawText, LetterLanguage } from '../language.ts';
import { byArticle, closed, timelineBlock } from '../language.ts';
import { GDPR_ANCHORS, type GdprAnchor } from '../laws.ts';

/** "artigo 17.º, n.º 1, alínea b), do RGPD", "artigo 4.º, ponto 1, do RGPD", "artigo 17.º do RGPD", "considerando 30 do RGPD". */
function rgpd(id: string): string {
  if (id.startsWith('rec')) return `considerando ${id.slice(3)} do RGPD`;
  const [art = '', ...rest] = id.replace(/^art/, '').split('_');
  const parts = rest.map((r) => parte(art, r));
  return parts.length ? [`artigo ${art}.º`, ...parts, 'do RGPD'].join(', ') : `artigo ${art}.º do RGPD`;
}

const parte = (art: string, r: string) =>
  /^\d+$/.test(r) ? (art === '4' ? `ponto ${r}` : `n.º ${r}`) : `alínea ${r})`;

/** Várias disposições, o RGPD nomeado uma vez: "artigo 11.º, n.º 2, e artigo 12.º, n.ºs 2 e 6, do RGPD". */
function rgpdJuntos(ids: readonly GdprAnchor[]): string {
  const groups = byArticle(ids).map(([art, tails]) =>
    tails.length > 1 && tails.every((t) => t.length === 1 && /^\d+$/.test(t[0] ?? '') && art !== '4')
      ? `artigo ${art}.º, n.ºs ${tails.map((t) => t[0]).join(' e ')}`
      : [`artigo ${art}.º`, ...tails.map((t) => t.map((r) => parte(art, r)).join(', '))].join(', '),
  );
  return `${groups.slice(0, -1).join(', ')}${groups.length > 1 ? ', e ' : ''}${groups[groups.length - 1]}, do RGPD`;
}

const number = (n: number) => new Intl.NumberFormat('pt-PT').format(n);

// The requester's grammatical gender is unknown: no sentence uses "obrigado/a", "informado/a" or the like.

const tracking =
  'os segmentos, as categorias de interesse e as demais inferências que tenham deduzido a meu respeito, os identificadores dos parceiros com os quais sincronizaram os meus (sincronização de cookies), os pedidos de licitação (bid requests) em que os meus dados foram transmitidos e os sítios web e aplicações em que foram recolhidos';

const cite = Object.fromEntries(GDPR_ANCHORS.map((id) => [id, rgpd(id)])) as Record<GdprAnchor, string>;

const prazo = (c: Record<GdprAnchor, string>) =>
  `Solicito que deem seguimento a este pedido sem demora injustificada e, em qualquer caso, no prazo de um mês a contar da sua receção (${c.art12_3}). Se não lhe derem seguimento, devem informar-me, no mesmo prazo, das razões que o justificam e da possibilidade de apresentar reclamação a uma autoridade de controlo e de intentar ação judicial (${c.art12_4}). As medidas tomadas na sequência deste pedido são gratuitas (${c.art12_5}).`;
const servicos = (c: Record<GdprAnchor, string>) =>
  `relativamente a todos os serviços de que sejam responsáveis pelo tratamento (${c.art4_7}), incluindo, mas não exclusivamente, os dados indicados abaixo`;
const identificacao = rgpdJuntos(['art11_2', 'art12_2', 'art12_6']);

const gdpr: LawText<GdprAnchor> = {
  cite,
  cites: rgpdJuntos,
  rights: {
    erasure: {
      subject: (f) => `Pedido de apagamento de dados pessoais – ref.ª ${f.reference}`,
      body: (c, x) => {
        const fundamentos = [
          `Caso vos tenha dado consentimento para qualquer tratamento, retiro-o pela presente (${c.art7_3}); não existindo outro fundamento jurídico para o tratamento, os dados devem ser apagados nos termos do ${c.art17_1_b}.`,
        ];
        if (x.grounds.includes('marketing'))
          fundamentos.push(
            `Oponho-me ao tratamento dos meus dados para efeitos de comercialização direta, incluindo a definição de perfis na medida em que esteja relacionada com essa comercialização (${c.art21_2}); os dados deixam, assim, de poder ser tratados para esse fim (${c.art21_3}) e devem ser apagados nos termos do ${c.art17_1_c}.`,
          );
        if (x.grounds.includes('particular'))
          fundamentos.push(
            `Oponho-me ainda, por motivos relacionados com a minha situação particular, a qualquer tratamento que baseiem em interesses legítimos (${c.art21_1}): ${x.reason} Salvo se demonstrarem razões imperiosas e legítimas que prevaleçam sobre os meus interesses, direitos e liberdades, os dados devem igualmente ser apagados nos termos do ${c.art17_1_c}.`,
          );
        return [
          `Ao abrigo do ${c.art17}, solicito que procedam, sem demora injustificada, ao apagamento de todos os dados pessoais que me digam respeito e que se encontrem na vossa posse, ${servicos(c)}.`,
          fundamentos.join(' '),
          // What was observed and the resident's rule: a paragraph of its own, after the grounds it adds to.
          ...(x.grounds.includes('unlawful') && x.unlawful
            ? [
                `${x.unlawful.observed} Nos termos da norma aplicável no meu país de residência (${x.unlawful.rule}), o armazenamento de informações no meu equipamento terminal, ou o acesso a informações nele já armazenadas, exige o meu consentimento prévio, salvo se for estritamente necessário para prestar um serviço que eu tenha expressamente solicitado, o que não é o caso do envio dos vossos cookies ou identificadores para os vossos servidores. Como consta acima, quando esses pedidos de rede foram enviados eu não tinha dado ${x.unlawful.sites === 1 ? 'nesse sítio' : 'nesses sítios'} qualquer consentimento a favor da vossa empresa. Os dados assim obtidos não têm, por isso, fundamento de licitude nos termos do ${c.art6_1}, sendo o consentimento (${c.art6_1_a}) o único fundamento possível; são tratados de forma ilícita (${c.art5_1_a}) e devem ser apagados nos termos do ${c.art17_1_d}.`,
              ]
            : []),
          `Em meu entender, não se aplica nenhuma das exceções previstas no ${c.art17_3}. Caso invoquem alguma, solicito que a identifiquem e que apaguem todos os dados que não estejam por ela abrangidos. Solicito ainda que comuniquem o apagamento a cada destinatário a quem os dados tenham sido transmitidos e que me informem sobre esses destinatários (${c.art19}). Peço que me confirmem o apagamento por escrito, indicando os identificadores a que os dados estavam associados.`,
          prazo(c),
        ];
      },
    },
    access: {
      subject: (f) => `Pedido de acesso a dados pessoais – ref.ª ${f.reference}`,
      body: (c) => [
        `Ao abrigo do ${c.art15_1}, solicito que me confirmem se tratam dados pessoais que me digam respeito e, em caso afirmativo, que me facultem o acesso a esses dados e uma cópia deles (${c.art15_3}), ${servicos(c)}. Estão abrangidos, em especial, ${tracking}.`,
        `Solicito ainda as seguintes informações (${c.art15_1}): a) as finalidades do tratamento; b) as categorias dos dados pessoais em questão; c) os destinatários a quem os dados foram ou serão divulgados, identificados pelo nome, incluindo os participantes em leilões em tempo real (real-time bidding) e os parceiros com os quais sincronizaram identificadores; d) o prazo de conservação dos dados ou, se tal não for possível, os critérios usados para o fixar; e) a existência do direito de solicitar a retificação ou o apagamento dos dados, a limitação do tratamento, ou de me opor a esse tratamento; f) o direito de apresentar reclamação a uma autoridade de controlo; g) se os dados não tiverem sido recolhidos junto de mim, as informações disponíveis sobre a sua origem, incluindo os sítios web e aplicações em causa; h) a existência de decisões automatizadas, incluindo a definição de perfis, e, nesse caso, informações úteis relativas à lógica subjacente, bem como a importância e as consequências previstas desse tratamento para mim. Caso os dados sejam transferidos para um país terceiro ou uma organização internacional, solicito que me informem das garantias adequadas relativas à transferência (${c.art15_2}).`,
        prazo(c),
      ],
    },
    objection: {
      subject: (f) => `Oposição ao tratamento de dados pessoais – ref.ª ${f.reference}`,
      body: (c, x) => [
        `Oponho-me ao tratamento dos meus dados pessoais para efeitos de comercialização direta, incluindo a definição de perfis na medida em que esteja relacionada com essa comercialização (${c.art21_2}). A partir da receção desta carta, os meus dados deixam de poder ser tratados para esses fins (${c.art21_3}).`,
        `Na medida em que tratem os meus dados para outros fins com fundamento em interesses legítimos, oponho-me igualmente a esse tratamento, por motivos relacionados com a minha situação particular (${c.art21_1})${x.reason ? `: ${x.reason}` : ', que exporei se mo solicitarem.'} Enquanto verificam se os vossos motivos legítimos prevalecem sobre os meus, solicito a limitação desse tratamento (${c.art18_1_d}).`,
        `Peço que me confirmem por escrito quais os tratamentos que cessaram ou limitaram. ${prazo(c)}`,
      ],
    },
    withdrawal: {
      subject: (f) => `Retirada do consentimento – ref.ª ${f.reference}`,
      body: (c) => [
        `Retiro todo e qualquer consentimento que vos tenha dado para o tratamento dos meus dados pessoais, incluindo o consentimento para o armazenamento de informações no meu equipamento terminal e para o acesso a essas informações (${c.art7_3}). A retirada produz efeitos com a receção desta carta, devendo cessar, desde esse momento, todo o tratamento baseado nesse consentimento.`,
        'Agradeço que mo confirmem por escrito, com a maior brevidade.',
      ],
    },
  },
  identification: (c) =>
    `Os identificadores abaixo indicados foram instalados ou recolhidos pela vossa empresa, ou por conta desta, para reconhecer o meu navegador; identificadores por via eletrónica deste tipo são dados pessoais (${c.art4_1}; ${c.rec30}). Solicito que os utilizem para localizar os dados em causa. Caso necessitem de informações adicionais para me identificar, peço que me indiquem qual o identificador de que necessitam e de que forma o posso fornecer; só me podem ser pedidas as informações necessárias para confirmar a minha identidade (${identificacao}).`,
  noIdentifier: (c) =>
    `Esta carta não indica nenhum identificador. Os cookies e outros identificadores que tenham instalado no meu navegador para o reconhecer são dados pessoais (${c.art4_1}; ${c.rec30}). Caso disponibilizem uma página que mostre o identificador instalado no meu navegador, peço que me indiquem o respetivo endereço; caso contrário, que me indiquem qual o identificador de que necessitam e de que forma o posso fornecer (${identificacao}).`,
  representative: (c) =>
    `Esta carta é-vos dirigida na qualidade de representante do responsável pelo tratamento na União (${c.art27}); solicito que a transmitam ao responsável pelo tratamento.`,
  roles: (c) => ({
    law: 'o RGPD',
    identify: rgpdJuntos(['art11_2', 'art12_6']),
    personalData: c.art4_1,
    free: c.art12_5,
    erasure: c.art17,
    exceptions: c.art17_3,
    processor: c.art28_3_e,
    complaint: c.art77,
    order: c.art58_2_c,
    updates: rgpdJuntos(['art77_2', 'art78_2']),
    escalate: 'apresentarei reclamação junto de uma autoridade de controlo',
  }),
};

/** "o RGPD" → "do RGPD"; "O RGPD" at the start of a sentence. */
const doLaw = (law: string) => law.replace(/^o /, 'do ');
const capital = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

const language: LetterLanguage = {
  code: 'pt',
  name: 'Português',
  locale: 'pt-PT',
  laws: { gdpr },
  kinds: {
    'site-address': 'os sítios web que visitei',
    'page-address': 'os endereços das páginas que visitei',
    'full-address': 'os endereços completos das páginas que visitei, incluindo os parâmetros de consulta',
    'page-title': 'os títulos das páginas que visitei',
    'search-terms': 'as minhas pesquisas',
    identifier: 'identificadores do meu navegador ou dispositivo',
    cookie: 'cookies',
    email: 'o meu endereço de correio eletrónico',
    'hashed-email': 'um hash do meu endereço de correio eletrónico',
    device: 'características do meu dispositivo (ecrã, idioma, navegador)',
    location: 'a minha localização',
    event: 'as minhas ações nas páginas (visualizações, cliques, compras)',
    'session-recording': 'gravações da minha atividade nas páginas',
    secret: 'palavras-passe, tokens de sessão ou outros segredos (não reproduzidos aqui)',
  },
  list: (items) =>
    items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} e ${items[items.length - 1]}`,
  salutation: 'Exmos. Senhores,',
  salutationAuthority: 'Exmos. Senhores,',
  evidence: {
    heading: 'O que o meu navegador vos enviou',
    intro:
      'O meu navegador registou, no meu próprio dispositivo, os seguintes pedidos de rede dirigidos aos vossos domínios. Constituem uma amostra dos dados em causa e não o seu limite:',
    domains: (domains) => `Os vossos domínios que receberam dados: ${domains}.`,
    via: (host, site, cname) =>
      `Entre eles há pedidos a ${host}${site ? ` (um subdomínio do sítio web ${site})` : ''}, que o meu navegador vos atribuiu porque o registo DNS desse nome era um alias (CNAME) de ${cname ? `${cname}, um dos vossos domínios` : 'um dos vossos domínios'}.`,
    period: (first, last) => `Primeira observação: ${first}; última observação: ${last}.`,
    volume: (sites, requests) =>
      `${number(requests)} ${requests === 1 ? 'pedido de rede' : 'pedidos de rede'} a partir de ${sites === 1 ? 'um sítio web' : `${number(sites)} sítios web`}.`,
    kinds: (kinds) => `Continham ${kinds}.`,
    sites: (sites) => `Sítios web: ${sites}.`,
    attachment: (file, sha256, sites) =>
      `A lista completa dos ${number(sites)} sítios web e dos pedidos de rede segue em anexo, no ficheiro ${file} (SHA-256 ${sha256}).`,
    method: (version) =>
      `Forma de recolha: a extensão de navegador Disclosed ${version} observou os pedidos de rede feitos pelo meu navegador durante a navegação e conservou-os apenas no meu dispositivo. Regista que domínio recebeu cada pedido, quando, a partir de que sítio web e que tipos de dados o pedido continha; não bloqueia nem altera nada.`,
  },
  identifiers: {
    heading: 'Identificadores',
    intro: 'Estes valores foram observados nos vossos cookies ou em pedidos de rede dirigidos aos vossos domínios:',
    cookie: (name, domain) => `cookie ${name} (${domain})`,
    partitioned: (sites) => `definido enquanto eu estava em ${sites}`,
    request: (name) => `parâmetro ${name} nos pedidos de rede dirigidos aos vossos domínios`,
    hashedEmail: 'SHA-256 do meu endereço de correio eletrónico (em minúsculas)',
    ip: 'o meu endereço IP',
    keepCookies: 'Conservarei estes cookies até à conclusão deste pedido, para que os possam verificar.',
  },
  consent: {
    observed: (rs, more) =>
      `O meu navegador registou que ${rs.map((r) => `em ${r.when} enviou ao vosso servidor ${r.host}, a partir do sítio ${r.site}, ${r.what}, ${relation(r)}`).join('; ')}${more > 0 ? `; e que vos enviou ${more === 1 ? 'mais um pedido de rede' : `mais ${number(more)} pedidos de rede`} desse tipo com um cookie ou um identificador` : ''}.`,
    heading: 'Banner de cookies e pedidos de rede:',
    bannerShown: (when, site) => `${when}: o sítio ${site} apresentou-me o seu banner de cookies.`,
    request: (r) =>
      `${r.when}: o meu navegador enviou a ${r.host}, a partir do sítio ${r.site}, ${r.what}, ${relation(r)}.`,
    answer: (a, when, site) =>
      `${when}: ${{ answered: `respondi ao banner de cookies de ${site} (o registo não indica qual a escolha)`, 'after-refusal': `recusei o consentimento no banner de cookies de ${site}`, 'after-partial': `aceitei apenas algumas finalidades no banner de cookies de ${site}`, 'after-withdrawal': `retirei o meu consentimento em ${site}` }[a]}.`,
    more: (n) =>
      `O meu navegador registou ${n === 1 ? 'mais um pedido de rede' : `mais ${number(n)} pedidos de rede`} desse tipo.`,
    relied: (provision) =>
      `Devido a estes pedidos de rede, o meu pedido de apagamento fundamentou-se também no ${provision} (tratamento ilícito).`,
  },
  closing: 'Com os melhores cumprimentos,',
  reference: (f) => `${f.date} · Ref.ª ${f.reference}`,
  rightNames: () => ({
    erasure: 'direito ao apagamento',
    access: 'direito de acesso',
    objection: 'direito de oposição',
    withdrawal: 'direito de retirar o consentimento',
  }),
  replies: {
    cannotIdentify: (r, f) =>
      f.cited
        ? `Referem não conseguir identificar-me. O meu pedido de ${f.date} (ref.ª ${f.reference}) indica identificadores instalados ou recolhidos pela vossa empresa para reconhecer o meu navegador; os identificadores por via eletrónica constituem dados pessoais (${r.personalData}). Caso necessitem de informações adicionais para me identificar, peço que me indiquem qual o identificador de que necessitam e de que forma o posso fornecer (${r.identify}). Até lá, solicito que deem seguimento ao pedido com base nos identificadores fornecidos.`
        : `Referem não conseguir identificar-me. Os dados a que se refere o meu pedido de ${f.date} (ref.ª ${f.reference}) estão associados a identificadores instalados ou recolhidos pela vossa empresa para reconhecer o meu navegador, como os identificadores de cookies; os identificadores por via eletrónica constituem dados pessoais (${r.personalData}). Peço que me indiquem qual o identificador de que necessitam para os localizar e de que forma o posso fornecer (${r.identify}), e que deem seguimento ao pedido logo que o recebam.`,
    idDocument: (r, f) =>
      f.cited
        ? `Solicitam-me uma cópia de um documento de identificação. Os dados em causa estão associados aos identificadores indicados no meu pedido de ${f.date} (ref.ª ${f.reference}), e não ao meu nome; um documento de identificação não vos permitiria localizá-los e facultar-vos-ia mais dados pessoais do que os necessários. Só podem solicitar as informações adicionais necessárias para confirmar a minha identidade (${r.identify}). Solicito que deem seguimento ao pedido com base nos identificadores fornecidos ou que me indiquem o identificador de que necessitam.`
        : `Solicitam-me uma cópia de um documento de identificação. Os dados a que se refere o meu pedido de ${f.date} (ref.ª ${f.reference}) estão associados a identificadores instalados ou lidos no meu navegador, e não ao meu nome; um documento de identificação não vos permitiria localizá-los e facultar-vos-ia mais dados pessoais do que os necessários. Só podem solicitar as informações adicionais necessárias para confirmar a minha identidade (${r.identify}). Peço que me indiquem o identificador de que necessitam e de que forma o posso fornecer.`,
    webForm: (r, f) =>
      `Pedem-me que utilize o vosso formulário eletrónico. ${capital(r.law)} não impõe um canal específico: o meu pedido de ${f.date} (ref.ª ${f.reference}), enviado para o contacto de proteção de dados que publicaram, é válido, e o prazo de resposta conta-se a partir da sua receção. Solicito que lhe deem seguimento tal como foi enviado.`,
    suppressed: (r, f) =>
      f.right === 'erasure'
        ? `Referem ter incluído os meus identificadores numa lista de exclusão (suppression list). Conservar os meus identificadores numa lista constitui um tratamento adicional, e não um apagamento. O meu pedido de ${f.date} (ref.ª ${f.reference}) visa o apagamento nos termos do ${r.erasure}; solicito que apaguem os dados e me confirmem a que identificadores estavam associados. Caso conservem alguns dados, peço que indiquem a exceção que invocam (${r.exceptions}).`
        : `Referem ter incluído os meus identificadores numa lista de exclusão (suppression list). No meu pedido de ${f.date} (ref.ª ${f.reference}) exerci o ${f.rightName} nos termos d${r.law}; uma lista de exclusão, por si só, não lhe dá seguimento. ${f.right === 'access' ? 'Solicito que me facultem integralmente as informações pedidas.' : 'Solicito que me confirmem que lhe deram seguimento, que identificadores constam da lista e que não os utilizam para outro fim que não o de respeitar o meu pedido.'}`,
    fee: (r, f) =>
      `Solicitam o pagamento de uma taxa. O meu pedido de ${f.date} (ref.ª ${f.reference}) não é manifestamente infundado nem excessivo, pelo que a resposta é gratuita (${r.free}). Solicito que lhe deem seguimento sem quaisquer encargos.`,
    processor: (r, f) =>
      `Referem tratar os meus dados apenas por conta de terceiros, na qualidade de subcontratante. Solicito que me indiquem, relativamente ao meu pedido de ${f.date} (ref.ª ${f.reference}), o nome e os contactos de cada responsável pelo tratamento por conta do qual tratam esses dados, e que transmitam o meu pedido a cada um deles, prestando-lhes a assistência necessária para lhe dar resposta${r.processor ? ` (${r.processor})` : ''}. Na medida em que determinem as finalidades e os meios do tratamento dos meus dados, são responsáveis pelo tratamento e devem responder diretamente ao pedido.`,
  },
  reminder: {
    subject: (f) => `Seguimento do meu pedido de ${f.date} – ref.ª ${f.reference}`,
    body: (r, f) =>
      f.due
        ? `Por carta de ${f.sentOn} (ref.ª ${f.reference}), exerci o meu ${f.right} ao abrigo ${doLaw(r.law)}. O prazo para responder terminou a ${f.due}, sem que tenha recebido qualquer resposta. Solicito que deem seguimento ao pedido sem mais demora. Caso contrário, ${r.escalate}.`
        : `Por carta de ${f.sentOn} (ref.ª ${f.reference}), exerci, com efeitos imediatos, o meu ${f.right} ao abrigo ${doLaw(r.law)}. Não recebi confirmação de que tenham cessado o tratamento baseado no meu consentimento. Solicito que mo confirmem sem mais demora. Caso contrário, ${r.escalate}.`,
  },
  complaint: {
    subject: (f) => `Reclamação contra ${f.company} (ref.ª ${f.reference})`,
    body: (r, f) =>
      [
        `Venho, ao abrigo do ${r.complaint}, apresentar reclamação contra o seguinte responsável pelo tratamento, que não respeitou o meu ${f.right}:\n${f.controller}`,
        `Reclamante:\n${f.complainant || '(nome e contactos a completar)'}`,
        `Cronologia:\n- ${f.sentOn}: exerci o meu ${f.right} junto de ${f.recipient} (ref.ª ${f.reference}).\n${f.due ? `- ${f.due}: terminou o prazo de resposta.\n` : ''}- Resposta: ${{ none: 'nenhuma.', refused: 'o pedido foi recusado.', identification: 'foram-me pedidos elementos de identificação para além do necessário.', partial: 'a resposta foi incompleta.' }[f.answer]}${timelineBlock(language.consent.heading, f.consentTimeline)}`,
        `Junto o meu pedido, a eventual correspondência trocada e o registo dos dados que o meu navegador enviou a ${closed(f.company)} Solicito a V. Exas. que apreciem a presente reclamação e ${r.order ? `que ordenem ao responsável pelo tratamento que satisfaça o meu pedido (${r.order})` : 'que assegurem que o responsável pelo tratamento satisfaz o meu pedido'}.${r.updates ? ` Solicito ainda que me informem do andamento e do resultado da reclamação (${r.updates}).` : ''}`,
        complaintParts.identity(f.shareIdentity),
      ].join('\n\n'),
  },
};

const gap = (n: number) => (n === 0 ? 'menos de um segundo' : n === 1 ? 'um segundo' : `${number(n)} segundos`);
/** Como um pedido se situava face à resposta: «2 segundos antes de eu ter respondido ao banner de cookies do sítio». */
function relation(r: ConsentEventText): string {
  const g = r.seconds === undefined ? '' : `${gap(r.seconds)} `;
  switch (r.moment) {
    case 'before-answer':
      return r.seconds === undefined
        ? 'quando eu ainda não tinha respondido ao banner de cookies do sítio'
        : `${g}antes de eu ter respondido ao banner de cookies do sítio`;
    case 'after-refusal':
      return `${g}depois de eu ter recusado o consentimento no banner de cookies do sítio`;
    case 'after-partial':
      return `${g}depois de eu ter aceitado apenas algumas finalidades no banner de cookies do sítio, embora a cadeia de consentimento (TCF) enviada com o pedido não registasse qualquer consentimento a favor do destinatário`;
    case 'after-withdrawal':
      return `${g}depois de eu ter retirado o meu consentimento`;
  }
}

export default language;

/** The parts of a complaint said apart: whether the authority may share who complains, and the complainant. */
const complaintParts = {
  identity: (share: boolean) =>
    share
      ? 'Autorizo que a minha identidade seja comunicada ao responsável pelo tratamento no âmbito da instrução desta reclamação.'
      : 'Solicito que a minha identidade não seja comunicada ao responsável pelo tratamento, salvo na medida em que a instrução da reclamação o exija, e que, nesse caso, me informem previamente.',
  refused: 'recusado',
};
