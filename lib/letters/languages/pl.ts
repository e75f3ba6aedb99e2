import type { ConsentEventText, LawText, LetterLanguage } from '../language.ts';
import { byArticle, closed, timelineBlock } from '../language.ts';
import { GDPR_ANCHORS, type GdprAnchor } from '../laws.ts';

/** "art. 17 ust. 1 lit. b RODO", "art. 4 pkt 1 RODO", "art. 17 RODO", "motyw 30 RODO". */
function rodo(id: string): string {
  if (id.startsWith('rec')) return `motyw ${id.slice(3)} RODO`;
  const [art = '', ...rest] = id.replace(/^art/, '').split('_');
  return [`art. ${art}`, ...rest.map((r) => jednostka(art, r)), 'RODO'].join(' ');
}

const jednostka = (art: string, r: string) =>
  /^\d+$/.test(r) ? (art === '4' ? `pkt ${r}` : `ust. ${r}`) : `lit. ${r}`;

/** Kilka przepisów, nazwa RODO raz: „art. 11 ust. 2 oraz art. 12 ust. 2 i 6 RODO”, „art. 77 ust. 2 i art. 78 ust. 2 RODO”. */
function rodoRazem(ids: readonly GdprAnchor[]): string {
  const groups = byArticle(ids).map(
    ([art, tails]) =>
      `art. ${art} ${tails.map((t, i) => t.map((r, j) => (i > 0 && j === 0 ? r : jednostka(art, r))).join(' ')).join(' i ')}`,
  );
  return `${groups.join(ids.length > groups.length ? ' oraz ' : ' i ')} RODO`;
}

const number = (n: number) => new Intl.NumberFormat('pl-PL').format(n);
const plural = new Intl.PluralRules('pl-PL');
/** "1 zapytanie", "2 zapytania", "14 zapytań". */
const zapytania = (n: number) =>
  `${number(n)} ${{ one: 'zapytanie', few: 'zapytania', many: 'zapytań' }[plural.select(n) as 'one'] ?? 'zapytania'}`;

// The requester's grammatical gender is unknown, so no sentence uses a first-person past tense or adjective
// ("wyraziłem/wyraziłam", "wdzięczny/wdzięczna"); the company is addressed as "Państwo".

const tracking =
  'segmenty, kategorie zainteresowań i inne wnioski wyprowadzone na mój temat, identyfikatory partnerów, z którymi synchronizowali Państwo moje identyfikatory (cookie syncing), zapytania ofertowe (bid requests), w których przekazano moje dane, a także strony internetowe i aplikacje, w których dane te zebrano';

const cite = Object.fromEntries(GDPR_ANCHORS.map((id) => [id, rodo(id)])) as Record<GdprAnchor, string>;

const termin = (c: Record<GdprAnchor, string>) =>
  `Proszę o realizację żądania bez zbędnej zwłoki, a w każdym razie w terminie miesiąca od jego otrzymania (${c.art12_3}). Jeżeli nie podejmą Państwo działań w związku z żądaniem, są Państwo zobowiązani niezwłocznie, najpóźniej w terminie miesiąca od jego otrzymania, poinformować mnie o powodach niepodjęcia działań oraz o możliwości wniesienia skargi do organu nadzorczego i skorzystania ze środków ochrony prawnej przed sądem (${c.art12_4}). Działania podejmowane w związku z żądaniem są wolne od opłat (${c.art12_5}).`;
const uslugi = (c: Record<GdprAnchor, string>) =>
  `w ramach wszystkich usług, w odniesieniu do których są Państwo administratorem (${c.art4_7})`;
const identyfikacja = rodoRazem(['art11_2', 'art12_2', 'art12_6']);

const gdpr: LawText<GdprAnchor> = {
  cite,
  cites: rodoRazem,
  rights: {
    erasure: {
      subject: (f) => `Żądanie usunięcia danych osobowych – znak sprawy: ${f.reference}`,
      body: (c, x) => {
        const podstawy = [
          `W zakresie, w jakim przetwarzanie moich danych opiera się na mojej zgodzie, niniejszym ją wycofuję (${c.art7_3}); o ile nie istnieje inna podstawa prawna przetwarzania, dane podlegają usunięciu na podstawie ${c.art17_1_b}.`,
        ];
        if (x.grounds.includes('marketing'))
          podstawy.push(
            `Wnoszę sprzeciw wobec przetwarzania moich danych na potrzeby marketingu bezpośredniego, w tym profilowania w zakresie, w jakim jest ono związane z takim marketingiem (${c.art21_2}); dane te nie mogą już być przetwarzane do takich celów (${c.art21_3}) i podlegają usunięciu na podstawie ${c.art17_1_c}.`,
          );
        if (x.grounds.includes('particular'))
          podstawy.push(
            `Ponadto z przyczyn związanych z moją szczególną sytuacją wnoszę sprzeciw wobec wszelkiego przetwarzania, które opierają Państwo na prawnie uzasadnionych interesach (${c.art21_1}): ${x.reason} Jeżeli nie wykażą Państwo istnienia ważnych prawnie uzasadnionych podstaw do przetwarzania, nadrzędnych wobec moich interesów, praw i wolności, dane podlegają usunięciu również na podstawie ${c.art17_1_c}.`,
          );
        return [
          `Na podstawie ${c.art17} żądam usunięcia bez zbędnej zwłoki wszystkich dotyczących mnie danych osobowych, które Państwo przetwarzają ${uslugi(c)}, w tym, lecz nie wyłącznie, danych wskazanych poniżej.`,
          podstawy.join(' '),
          // What was observed and the resident's rule: a paragraph of its own, after the grounds it adds to.
          ...(x.grounds.includes('unlawful') && x.unlawful
            ? [
                `${x.unlawful.observed} Zgodnie z przepisem obowiązującym w państwie mojego zamieszkania (${x.unlawful.rule}) przechowywanie informacji w moim urządzeniu końcowym lub uzyskiwanie dostępu do informacji już w nim przechowywanych wymaga mojej uprzedniej zgody, chyba że jest to niezbędne do świadczenia usługi wyraźnie przeze mnie żądanej; przesyłanie Państwa plików cookie lub identyfikatorów do Państwa serwerów takim przypadkiem nie jest. W chwili wysłania tych zapytań brak było mojej zgody udzielonej ${x.unlawful.sites === 1 ? 'w tej witrynie' : 'w tych witrynach'} na rzecz Państwa firmy. Dane pozyskane w ten sposób nie mają zatem podstawy prawnej na gruncie ${c.art6_1} – jedyną możliwą podstawą byłaby zgoda (${c.art6_1_a}) – są więc przetwarzane niezgodnie z prawem (${c.art5_1_a}) i podlegają usunięciu na podstawie ${c.art17_1_d}.`,
              ]
            : []),
          `Moim zdaniem nie zachodzi żaden z wyjątków przewidzianych w ${c.art17_3}. Jeżeli zamierzają Państwo powołać się na któryś z nich, proszę go wskazać i usunąć wszystkie dane, których on nie obejmuje. Proszę o poinformowanie o usunięciu moich danych każdego odbiorcy, któremu je ujawniono, oraz o wskazanie mi tych odbiorców (${c.art19}). Proszę o potwierdzenie usunięcia danych – na piśmie lub drogą elektroniczną – ze wskazaniem identyfikatorów, z którymi były one powiązane.`,
          termin(c),
        ];
      },
    },
    access: {
      subject: (f) => `Żądanie dostępu do danych osobowych – znak sprawy: ${f.reference}`,
      body: (c) => [
        `Na podstawie ${c.art15_1} proszę o potwierdzenie, czy przetwarzają Państwo dotyczące mnie dane osobowe, a jeżeli tak – o dostęp do nich i o ich kopię (${c.art15_3}), ${uslugi(c)}, w tym, lecz nie wyłącznie, do danych wskazanych poniżej. Żądanie obejmuje również ${tracking}.`,
        `Proszę ponadto o przekazanie mi następujących informacji (${c.art15_1}): a) cele przetwarzania; b) kategorie przetwarzanych danych osobowych; c) odbiorcy, którym dane zostały lub zostaną ujawnione – wskazani z nazwy, w tym uczestnicy aukcji w czasie rzeczywistym (real-time bidding) i partnerzy, z którymi synchronizowali Państwo identyfikatory; d) okres przechowywania danych, a gdy nie jest to możliwe – kryteria ustalania tego okresu; e) informacja o prawie do żądania sprostowania lub usunięcia danych, ograniczenia ich przetwarzania oraz o prawie do wniesienia sprzeciwu wobec przetwarzania; f) informacja o prawie wniesienia skargi do organu nadzorczego; g) jeżeli dane nie zostały zebrane ode mnie – wszelkie dostępne informacje o ich źródle, w tym o stronach internetowych i aplikacjach, o które chodzi; h) informacja o zautomatyzowanym podejmowaniu decyzji, w tym o profilowaniu, a w takim przypadku – istotne informacje o zasadach ich podejmowania, a także o znaczeniu i przewidywanych konsekwencjach takiego przetwarzania dla mnie. Jeżeli dane są przekazywane do państwa trzeciego lub organizacji międzynarodowej, proszę o informację o odpowiednich zabezpieczeniach związanych z przekazaniem (${c.art15_2}).`,
        termin(c),
      ],
    },
    objection: {
      subject: (f) => `Sprzeciw wobec przetwarzania danych osobowych – znak sprawy: ${f.reference}`,
      body: (c, x) => [
        `Wnoszę sprzeciw wobec przetwarzania moich danych osobowych na potrzeby marketingu bezpośredniego, w tym profilowania w zakresie, w jakim jest ono związane z takim marketingiem (${c.art21_2}). Od chwili otrzymania niniejszego pisma moje dane nie mogą być już przetwarzane do takich celów (${c.art21_3}).`,
        `W zakresie, w jakim przetwarzają Państwo moje dane do innych celów na podstawie prawnie uzasadnionych interesów, wnoszę sprzeciw również wobec tego przetwarzania – z przyczyn związanych z moją szczególną sytuacją (${c.art21_1})${x.reason ? `: ${x.reason}` : '; przyczyny te przedstawię na Państwa prośbę.'} Do czasu stwierdzenia, czy prawnie uzasadnione podstawy po Państwa stronie są nadrzędne wobec podstaw mojego sprzeciwu, żądam ograniczenia tego przetwarzania (${c.art18_1_d}).`,
        `Proszę o potwierdzenie – na piśmie lub drogą elektroniczną – których operacji przetwarzania Państwo zaprzestali, a które ograniczyli. ${termin(c)}`,
      ],
    },
    withdrawal: {
      subject: (f) => `Wycofanie zgody – znak sprawy: ${f.reference}`,
      body: (c) => [
        `Niniejszym wycofuję wszelkie udzielone Państwu zgody na przetwarzanie moich danych osobowych, w tym zgodę na przechowywanie informacji w moim urządzeniu końcowym i uzyskiwanie do nich dostępu (${c.art7_3}). Wycofanie zgody jest skuteczne z chwilą, gdy niniejsze pismo do Państwa dotrze; od tej chwili nie mogą Państwo przetwarzać moich danych na podstawie tej zgody.`,
        'Proszę o potwierdzenie – na piśmie lub drogą elektroniczną – że zaprzestali Państwo przetwarzania opartego na mojej zgodzie.',
      ],
    },
  },
  identification: (c) =>
    `Wskazane poniżej identyfikatory zostały zapisane lub zebrane przez Państwa lub w Państwa imieniu w celu rozpoznawania mojej przeglądarki; takie identyfikatory internetowe są danymi osobowymi (${c.art4_1}; ${c.rec30}). Proszę o wykorzystanie ich do odnalezienia danych, których dotyczy niniejsze pismo. Jeżeli do mojej identyfikacji potrzebują Państwo dodatkowych informacji, proszę wskazać, jakiego identyfikatora Państwo potrzebują i w jaki sposób mogę go przekazać; mogą Państwo żądać wyłącznie informacji niezbędnych do mojej identyfikacji (${identyfikacja}).`,
  noIdentifier: (c) =>
    `Niniejsze pismo nie zawiera żadnego identyfikatora. Pliki cookie i identyfikatory, które Państwo ewentualnie zapisali w mojej przeglądarce w celu jej rozpoznawania, są danymi osobowymi (${c.art4_1}; ${c.rec30}). Jeżeli udostępniają Państwo stronę, która wyświetla identyfikator zapisany w mojej przeglądarce, proszę podać jej adres; w przeciwnym razie proszę wskazać, jakiego identyfikatora Państwo potrzebują i w jaki sposób mogę go przekazać (${identyfikacja}).`,
  representative: (c) =>
    `Niniejsze pismo kieruję do Państwa jako do przedstawiciela administratora w Unii (${c.art27}); proszę o przekazanie go administratorowi.`,
  roles: (c) => ({
    law: 'RODO',
    identify: rodoRazem(['art11_2', 'art12_6']),
    personalData: c.art4_1,
    free: c.art12_5,
    erasure: c.art17,
    exceptions: c.art17_3,
    processor: c.art28_3_e,
    complaint: c.art77,
    order: c.art58_2_c,
    updates: rodoRazem(['art77_2', 'art78_2']),
    escalate: 'wniosę skargę do organu nadzorczego',
  }),
};

const language: LetterLanguage = {
  code: 'pl',
  name: 'Polski',
  locale: 'pl-PL',
  laws: { gdpr },
  // Polish letters write the year with "r.": "23 listopada 2026 r.".
  adjustDate: (date) => `${date} r.`,
  // „dnia 30 listopada 2026 r. o godz. 15:02:05” w zdaniu; „30 listopada 2026 r., godz. 15:02:00” na początku wiersza.
  moment: (date, time, style) => (style === 'line' ? `${date}, godz. ${time}` : `${date} o godz. ${time}`),
  kinds: {
    'site-address': 'nazwy odwiedzanych przeze mnie witryn',
    'page-address': 'adresy odwiedzanych przeze mnie podstron',
    'full-address': 'pełne adresy odwiedzanych przeze mnie podstron wraz z parametrami zapytań',
    'page-title': 'tytuły odwiedzanych przeze mnie podstron',
    'search-terms': 'wyszukiwane przeze mnie hasła',
    identifier: 'identyfikatory mojej przeglądarki lub urządzenia',
    cookie: 'pliki cookie',
    email: 'mój adres e-mail',
    'hashed-email': 'skrót (hash) mojego adresu e-mail',
    device: 'dane o moim urządzeniu (ekran, język, przeglądarka)',
    location: 'moją lokalizację',
    event: 'moje działania na stronach (wyświetlenia, kliknięcia, zakupy)',
    'session-recording': 'nagrania mojej aktywności na stronach',
    secret: 'hasła, tokeny logowania lub inne dane poufne (których w niniejszym piśmie nie przytaczam)',
  },
  list: (items) =>
    items.length < 2 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} oraz ${items[items.length - 1]}`,
  salutation: 'Szanowni Państwo,',
  salutationAuthority: 'Szanowni Państwo,',
  evidence: {
    heading: 'Co moja przeglądarka wysłała do Państwa',
    intro:
      'Na moim własnym urządzeniu zarejestrowano następujące zapytania, które moja przeglądarka skierowała do Państwa domen. Stanowią one próbkę danych, których dotyczy niniejsze pismo, a nie ich pełny zakres:',
    domains: (domains) => `Państwa domeny, które otrzymały dane: ${domains}.`,
    via: (host, site, cname) =>
      `Wśród nich są zapytania do ${host}${site ? ` (subdomeny witryny ${site})` : ''}, które moja przeglądarka przypisała Państwu, ponieważ wpis DNS tej nazwy był aliasem (CNAME) ${cname ? `nazwy ${cname}, jednej z Państwa domen` : 'jednej z Państwa domen'}.`,
    period: (first, last) => `Pierwsza obserwacja: ${first}; ostatnia obserwacja: ${last}.`,
    volume: (sites, requests) =>
      `${zapytania(requests)} z ${sites === 1 ? 'jednej witryny' : `${number(sites)} witryn`}.`,
    kinds: (kinds) => `Przesłane dane obejmowały ${kinds}.`,
    sites: (sites) => `Witryny: ${sites}.`,
    attachment: (file, sha256, sites) =>
      `Pełna lista ${number(sites)} witryn i zapytań znajduje się w załączniku ${file} (skrót SHA-256: ${sha256}).`,
    method: (version) =>
      `Sposób zebrania danych: rozszerzenie przeglądarki Disclosed ${version} rejestrowało zapytania wysyłane przez moją przeglądarkę podczas przeglądania stron i przechowywało je wyłącznie na moim urządzeniu. Rozszerzenie odnotowuje, która domena, kiedy i z której witryny otrzymała zapytanie oraz jakie rodzaje danych ono zawierało; niczego nie blokuje ani nie zmienia.`,
  },
  identifiers: {
    heading: 'Identyfikatory',
    intro: 'Poniższe wartości zaobserwowano w Państwa plikach cookie lub w zapytaniach kierowanych do Państwa:',
    cookie: (name, domain) => `plik cookie ${name} (${domain})`,
    partitioned: (sites) => `zapisany podczas wizyty na ${sites}`,
    request: (name) => `parametr ${name} w zapytaniach kierowanych do Państwa`,
    hashedEmail: 'skrót SHA-256 mojego adresu e-mail (zapisanego małymi literami)',
    ip: 'mój adres IP',
    keepCookies:
      'Zachowam te pliki cookie do czasu zakończenia sprawy, aby mogli Państwo na ich podstawie mnie zidentyfikować.',
  },
  consent: {
    observed: (rs, more) =>
      `Moja przeglądarka odnotowała, że ${rs.map((r) => `dnia ${r.when} wysłała do Państwa serwera ${r.host} z witryny ${r.site} dane obejmujące ${r.what}, ${relation(r)}`).join('; ')}${more > 0 ? `; ponadto wysłała do Państwa jeszcze ${takich(more)} z plikiem cookie lub identyfikatorem` : ''}.`,
    heading: 'Baner cookie i zapytania:',
    bannerShown: (when, site) => `${when}: wyświetlenie banera cookie przez witrynę ${site}.`,
    request: (r) =>
      `${r.when}: wysłanie przez przeglądarkę do ${r.host} z witryny ${r.site} danych obejmujących ${r.what}, ${relation(r)}.`,
    answer: (a, when, site) =>
      `${when}: ${{ answered: `udzielenie przeze mnie odpowiedzi w banerze cookie witryny ${site} (z zapisu nie wynika, jakiego wyboru dokonano)`, 'after-refusal': `odmowa zgody w banerze cookie witryny ${site}`, 'after-partial': `wyrażenie zgody jedynie na niektóre cele w banerze cookie witryny ${site}`, 'after-withdrawal': `wycofanie zgody w witrynie ${site}` }[a]}.`,
    more: (n) => `W przeglądarce odnotowano jeszcze ${takich(n)}.`,
    relied: (provision) =>
      `Z uwagi na te zapytania moje żądanie opierało się również na ${provision} (przetwarzanie niezgodne z prawem).`,
  },
  closing: 'Z poważaniem',
  reference: (f) => `${f.date} · Znak sprawy: ${f.reference}`,
  // In the genitive, as every sentence that names a right needs it ("realizacji prawa dostępu do danych").
  rightNames: () => ({
    erasure: 'prawa do usunięcia danych',
    access: 'prawa dostępu do danych',
    objection: 'prawa do sprzeciwu',
    withdrawal: 'prawa do wycofania zgody',
  }),
  replies: {
    cannotIdentify: (r, f) =>
      f.cited
        ? `Informują Państwo, że nie są w stanie mnie zidentyfikować. Moje żądanie z dnia ${f.date} (znak sprawy: ${f.reference}) wskazuje identyfikatory, które Państwo sami zapisali lub zebrali w celu rozpoznawania mojej przeglądarki; identyfikatory internetowe są danymi osobowymi (${r.personalData}). Jeżeli do mojej identyfikacji potrzebują Państwo dodatkowych informacji, proszę wskazać, jakiego identyfikatora Państwo potrzebują i w jaki sposób mogę go przekazać (${r.identify}). W przeciwnym razie proszę o realizację żądania na podstawie wskazanych identyfikatorów.`
        : `Informują Państwo, że nie są w stanie mnie zidentyfikować. Dane, których dotyczy moje żądanie z dnia ${f.date} (znak sprawy: ${f.reference}), są powiązane z identyfikatorami, które Państwo sami zapisali lub zebrali w celu rozpoznawania mojej przeglądarki, takimi jak identyfikatory plików cookie; identyfikatory internetowe są danymi osobowymi (${r.personalData}). Proszę wskazać, jakiego identyfikatora Państwo potrzebują do ich odnalezienia i w jaki sposób mogę go przekazać (${r.identify}), oraz zrealizować żądanie niezwłocznie po jego otrzymaniu.`,
    idDocument: (r, f) =>
      f.cited
        ? `Żądają Państwo kopii dokumentu tożsamości. Dane, których dotyczy moje żądanie z dnia ${f.date} (znak sprawy: ${f.reference}), są powiązane ze wskazanymi w nim identyfikatorami, a nie z moim imieniem i nazwiskiem; dokument tożsamości nie pomoże Państwu ich odnaleźć, a jego kopia oznaczałaby przekazanie Państwu większej ilości danych osobowych, niż jest to niezbędne. Dodatkowych informacji mogą Państwo żądać wyłącznie w razie uzasadnionych wątpliwości co do mojej tożsamości i tylko w zakresie niezbędnym do jej potwierdzenia (${r.identify}). Proszę o realizację żądania na podstawie wskazanych identyfikatorów albo o wskazanie, jakiego identyfikatora Państwo potrzebują.`
        : `Żądają Państwo kopii dokumentu tożsamości. Dane, których dotyczy moje żądanie z dnia ${f.date} (znak sprawy: ${f.reference}), są powiązane z identyfikatorami zapisanymi lub odczytanymi w mojej przeglądarce, a nie z moim imieniem i nazwiskiem; dokument tożsamości nie pomoże Państwu ich odnaleźć, a jego kopia oznaczałaby przekazanie Państwu większej ilości danych osobowych, niż jest to niezbędne. Dodatkowych informacji mogą Państwo żądać wyłącznie w razie uzasadnionych wątpliwości co do mojej tożsamości i tylko w zakresie niezbędnym do jej potwierdzenia (${r.identify}). Proszę o wskazanie, jakiego identyfikatora Państwo potrzebują i w jaki sposób mogę go przekazać.`,
    webForm: (r, f) =>
      `Proszą Państwo o skorzystanie z formularza internetowego. ${r.law} nie przewiduje określonego sposobu składania żądań: moje żądanie z dnia ${f.date} (znak sprawy: ${f.reference}), skierowane na opublikowany przez Państwa adres kontaktowy w sprawach ochrony danych, jest skuteczne, a termin na odpowiedź biegnie od dnia jego otrzymania. Proszę o jego realizację w formie, w jakiej zostało złożone.`,
    suppressed: (r, f) =>
      f.right === 'erasure'
        ? `Informują Państwo, że moje identyfikatory zostały wpisane na listę wykluczeń (suppression list). Przechowywanie moich identyfikatorów na liście jest dalszym przetwarzaniem danych, a nie ich usunięciem. Moje żądanie z dnia ${f.date} (znak sprawy: ${f.reference}) dotyczy usunięcia danych na podstawie ${r.erasure}; proszę o usunięcie danych i potwierdzenie, z jakimi identyfikatorami były one powiązane. Jeżeli zachowują Państwo jakiekolwiek dane, proszę wskazać, na który z wyjątków się Państwo powołują (${r.exceptions}).`
        : `Informują Państwo, że moje identyfikatory zostały wpisane na listę wykluczeń (suppression list). Moje żądanie z dnia ${f.date} (znak sprawy: ${f.reference}) dotyczy wykonania ${f.rightName} na podstawie ${r.law}; samo wpisanie na listę wykluczeń nie stanowi jego realizacji. ${f.right === 'access' ? 'Proszę o udzielenie pełnej informacji, której dotyczy żądanie.' : 'Proszę o potwierdzenie, że żądanie zostało zrealizowane, o wskazanie, jakie identyfikatory znajdują się na liście, oraz o potwierdzenie, że są one wykorzystywane wyłącznie w celu uszanowania mojego żądania.'}`,
    fee: (r, f) =>
      `Żądają Państwo opłaty. Działania podejmowane w związku z żądaniem takim jak moje z dnia ${f.date} (znak sprawy: ${f.reference}) są wolne od opłat; opłatę można pobrać jedynie za żądanie ewidentnie nieuzasadnione lub nadmierne, a wykazanie takiego charakteru żądania należy do administratora (${r.free}). Proszę o nieodpłatną realizację mojego żądania.`,
    processor: (r, f) =>
      `Informują Państwo, że przetwarzają moje dane wyłącznie w imieniu innych podmiotów. W związku z moim żądaniem z dnia ${f.date} (znak sprawy: ${f.reference}) proszę o podanie nazwy i danych kontaktowych każdego administratora, w którego imieniu Państwo je przetwarzają, oraz o przekazanie mu mojego żądania, aby mógł na nie odpowiedzieć${r.processor ? ` (${r.processor})` : ''}. W zakresie, w jakim sami Państwo ustalają cele i sposoby przetwarzania moich danych, są Państwo ich administratorem i powinni Państwo sami odpowiedzieć na żądanie.`,
  },
  reminder: {
    subject: (f) => `Dotyczy: żądania z dnia ${f.date} (znak sprawy: ${f.reference})`,
    body: (r, f) =>
      f.due
        ? `Moje żądanie z dnia ${f.sentOn} (znak sprawy: ${f.reference}), dotyczące realizacji przysługującego mi na podstawie ${r.law} ${f.right}, pozostaje bez odpowiedzi, mimo że w dniu ${f.due} upłynął termin na jej udzielenie. Wzywam Państwa do niezwłocznej realizacji żądania. W przeciwnym razie ${r.escalate}.`
        : `Oświadczenie o wycofaniu zgody na przetwarzanie moich danych osobowych, zawarte w moim piśmie z dnia ${f.sentOn} (znak sprawy: ${f.reference}), stało się skuteczne z chwilą, gdy pismo to do Państwa dotarło. Do dnia dzisiejszego nie wpłynęło potwierdzenie, że zaprzestali Państwo przetwarzania opartego na mojej zgodzie. Wzywam Państwa do niezwłocznego przesłania takiego potwierdzenia. W przeciwnym razie ${r.escalate}.`,
  },
  complaint: {
    subject: (f) =>
      `Skarga dotycząca przetwarzania moich danych osobowych przez ${f.company} (znak sprawy: ${f.reference})`,
    body: (r, f) =>
      [
        `Na podstawie ${r.complaint} wnoszę skargę na następującego administratora, który nie zrealizował należycie przysługującego mi ${f.right}:\n${f.controller}`,
        `Osoba wnosząca skargę:\n${f.complainant || '(imię i nazwisko oraz dane kontaktowe do uzupełnienia)'}`,
        `Przebieg sprawy:\n- ${f.sentOn}: wysłanie do ${f.recipient} pisma w sprawie realizacji ${f.right} (znak sprawy: ${f.reference}).\n${f.due ? `- ${f.due}: upływ terminu na udzielenie odpowiedzi.\n` : ''}- Odpowiedź: ${{ none: 'brak.', refused: 'odmowa realizacji żądania.', identification: 'żądanie informacji potwierdzających tożsamość w zakresie wykraczającym poza niezbędny.', partial: 'niepełna.' }[f.answer]}${timelineBlock(language.consent.heading, f.consentTimeline)}`,
        `Do skargi załączam kopię mojego pisma, ewentualną dalszą korespondencję oraz zapis danych, które moja przeglądarka przesłała do ${closed(f.company)} Wnoszę o rozpatrzenie skargi oraz ${r.order ? `o nakazanie administratorowi spełnienia mojego żądania (${r.order})` : 'o podjęcie działań, aby administrator spełnił moje żądanie'}.${r.updates ? ` Proszę o informowanie mnie o postępach i wynikach rozpatrywania skargi (${r.updates}).` : ''}`,
        complaintParts.identity(f.shareIdentity),
      ].join('\n\n'),
  },
};

/** 1 sekunda, 2–4 sekundy (poza 12–14), pozostałe: sekund. */
const few = (n: number) => n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 12 || n % 100 > 14);
const gap = (n: number) =>
  n === 0 ? 'niecałą sekundę' : n === 1 ? 'jedną sekundę' : `${number(n)} ${few(n) ? 'sekundy' : 'sekund'}`;
const takich = (n: number) =>
  n === 1 ? 'jedno takie zapytanie' : `${number(n)} ${few(n) ? 'takie zapytania' : 'takich zapytań'}`;
/** Jak zapytanie miało się do odpowiedzi: „2 sekundy przed udzieleniem przeze mnie odpowiedzi w banerze cookie witryny”. */
function relation(r: ConsentEventText): string {
  const g = r.seconds === undefined ? '' : `${gap(r.seconds)} `;
  switch (r.moment) {
    case 'before-answer':
      return r.seconds === undefined
        ? 'w czasie, gdy baner cookie witryny pozostawał jeszcze bez mojej odpowiedzi'
        : `${g}przed udzieleniem przeze mnie odpowiedzi w banerze cookie witryny`;
    case 'after-refusal':
      return `${g}po odmowie zgody w banerze cookie witryny`;
    case 'after-partial':
      return `${g}po wyrażeniu przeze mnie zgody jedynie na niektóre cele w banerze cookie witryny, przy czym przesłany wraz z zapytaniem ciąg zgody (TCF) nie odnotowywał zgody na rzecz odbiorcy`;
    case 'after-withdrawal':
      return `${g}po wycofaniu przeze mnie zgody`;
  }
}

export default language;

/** Whether the authority may share who complains, said apart. */
const complaintParts = {
  identity: (share: boolean) =>
    share
      ? 'Wyrażam zgodę na ujawnienie mojej tożsamości administratorowi w toku rozpatrywania skargi.'
      : 'Proszę o nieujawnianie mojej tożsamości administratorowi w zakresie wykraczającym poza to, czego wymaga rozpatrzenie skargi; jeżeli jej ujawnienie okaże się konieczne, proszę o uprzednią informację.',
};
