import { describe, expect, it } from 'vitest';
import { isSensitiveSite, type SensitiveCategory, sensitiveCategory } from '../../../lib/letters/sensitive.ts';

// Sites a person visits whose names reveal a special category of data (GDPR Art. 9), in the letter languages and
// beyond: each must be recognised, with its category.
const SENSITIVE: [string, SensitiveCategory][] = [
  // The list.
  ['netdoktor.de', 'health'],
  ['doctolib.fr', 'health'],
  ['ameli.fr', 'health'],
  ['aok.de', 'health'],
  ['kirche.de', 'religion'],
  ['spd.de', 'politics'],
  ['verdi.de', 'union'],
  ['cgt.fr', 'union'],
  ['planetromeo.com', 'sexuality'],
  ['jw.org', 'religion'],
  ['nhs.uk', 'health'],
  ['webmd.com', 'health'],
  // English.
  ['healthline.com', 'health'],
  ['mayoclinic.org', 'health'],
  ['cancer.org', 'health'],
  ['hiv.gov', 'health'],
  ['psychologytoday.com', 'health'],
  ['online-pharmacy.example', 'health'],
  ['quran.com', 'religion'],
  ['churchofengland.org', 'religion'],
  ['bibleserver.com', 'religion'],
  ['islamicfinder.org', 'religion'],
  ['labour.org.uk', 'politics'],
  ['democrats.org', 'politics'],
  ['unitetheunion.org', 'union'],
  ['lgbtqnation.com', 'sexuality'],
  ['gayromeo.com', 'sexuality'],
  ['grindr.com', 'sexuality'],
  // German.
  ['jameda.de', 'health'],
  ['apotheken-umschau.de', 'health'],
  ['shop-apotheke.com', 'health'],
  ['zahnarzt-berlin.de', 'health'],
  ['uniklinik-koeln.de', 'health'],
  ['gesundheit.gv.at', 'health'],
  ['aidshilfe.de', 'health'],
  ['krebshilfe.de', 'health'],
  ['erzbistum-koeln.de', 'religion'],
  ['ekd.de', 'religion'],
  ['piratenpartei.de', 'politics'],
  ['gruene.de', 'politics'],
  ['igmetall.de', 'union'],
  ['dgb.de', 'union'],
  ['gewerkschaft-nahrung.de', 'union'],
  ['queer.de', 'sexuality'],
  ['schwulissimo.de', 'sexuality'],
  // French.
  ['doctissimo.fr', 'health'],
  ['sante.fr', 'health'],
  ['santé-magazine.fr', 'health'],
  ['pharmacie-lafayette.com', 'health'],
  ['eglise.catholique.fr', 'religion'],
  ['parti-socialiste.fr', 'politics'],
  ['lafranceinsoumise.fr', 'politics'],
  ['cfdt.fr', 'union'],
  ['force-ouvriere.fr', 'union'],
  // Spanish.
  ['salud.gob.es', 'health'],
  ['clinicabaviera.es', 'health'],
  ['iglesia-evangelica.es', 'religion'],
  ['psoe.es', 'politics'],
  ['partidopopular.es', 'politics'],
  ['ccoo.es', 'union'],
  // Italian.
  ['salute.gov.it', 'health'],
  ['ospedaleniguarda.it', 'health'],
  ['chiesacattolica.it', 'religion'],
  ['partitodemocratico.it', 'politics'],
  ['cgil.it', 'union'],
  ['sindacato-pensionati.it', 'union'],
  // Dutch.
  ['thuisarts.nl', 'health'],
  ['gezondheidsplein.nl', 'health'],
  ['protestantsekerk.nl', 'religion'],
  ['pvda.nl', 'politics'],
  ['fnv.nl', 'union'],
  // Polish.
  ['znanylekarz.pl', 'health'],
  ['zdrowie.gov.pl', 'health'],
  ['episkopat.pl', 'religion'],
  ['kosciol-mariacki.pl', 'religion'],
  ['pis.org.pl', 'politics'],
  ['solidarnosc.org.pl', 'union'],
  // Portuguese (Portugal and Brazil).
  ['sns24.gov.pt', 'health'],
  ['saude.gov.br', 'health'],
  ['igrejauniversal.org.br', 'religion'],
  ['pt.org.br', 'politics'],
  ['partidosocialista.pt', 'politics'],
  ['cut.org.br', 'union'],
  ['sindicatodosbancarios.org.br', 'union'],
];

// Ordinary sites (news, shops, travel, services) that must pass, among them names that contain a stem or look like
// one: the word-boundary rules of lib/letters/sensitive.ts keep them out.
const ORDINARY = [
  'partykeller.de',
  'partycity.com',
  'gaylordhotels.com',
  'essay.com',
  'transavia.com',
  'transfermarkt.de',
  'unionbank.com',
  'christies.com',
  'christianlouboutin.com',
  'churchill.com',
  'essex.ac.uk',
  'sussex.ac.uk',
  'stealthoptional.com',
  'mentalfloss.com',
  'politico.eu',
  'politiken.dk',
  'hindustantimes.com',
  'partir.com',
  'particulier.fr',
  'hivemq.com',
  'kerkrade.nl',
  'doctorwho.tv',
  'syndication.example',
  'accidentalpartner.com',
  'krebsonsecurity.com',
  'autopflege24.de',
  'spiegel.de',
  'faz.net',
  'tagesschau.de',
  'heise.de',
  'kicker.de',
  'lemonde.fr',
  'leboncoin.fr',
  'elpais.com',
  'marca.com',
  'corriere.it',
  'repubblica.it',
  'nu.nl',
  'telegraaf.nl',
  'onet.pl',
  'wp.pl',
  'publico.pt',
  'uol.com.br',
  'globo.com',
  'bbc.co.uk',
  'theguardian.com',
  'nytimes.com',
  'amazon.de',
  'zalando.de',
  'otto.de',
  'idealo.de',
  'mediamarkt.de',
  'fnac.com',
  'cdiscount.com',
  'decathlon.fr',
  'elcorteingles.es',
  'zara.com',
  'allegro.pl',
  'bol.com',
  'mercadolivre.com.br',
  'booking.com',
  'airbnb.com',
  'lufthansa.com',
  'spotify.com',
  'netflix.com',
  'youtube.com',
  'wikipedia.org',
  'github.com',
  'medium.com',
  'weather.com',
];

describe('sensitive sites (GDPR Art. 9)', () => {
  it(`recognises all ${SENSITIVE.length} sensitive sites of the table, each in its category`, () => {
    expect(SENSITIVE.length).toBeGreaterThanOrEqual(60);
    const wrong = SENSITIVE.filter(([site, category]) => sensitiveCategory(site) !== category).map(
      ([site, category]) => `${site}: ${sensitiveCategory(site) ?? 'not sensitive'}, expected ${category}`,
    );
    expect(wrong).toEqual([]);
  });

  it(`lets all ${ORDINARY.length} ordinary sites of the table pass`, () => {
    expect(ORDINARY.length).toBeGreaterThanOrEqual(60);
    expect(ORDINARY.filter((site) => isSensitiveSite(site)).map((s) => `${s}: ${sensitiveCategory(s)}`)).toEqual([]);
  });

  it('reads the site’s own name, not a word of its public suffix or of the host in front of it', () => {
    // The listed domains match a site under them too; a word in the suffix says nothing of the site.
    expect(sensitiveCategory('www.nhs.uk')).toBe('health');
    expect(isSensitiveSite('shop.gov.it')).toBe(false);
    expect(isSensitiveSite('SPD.DE')).toBe(true);
  });

  it('binds short stems to whole words: "gay" must start a word, "parti" must be one', () => {
    expect(sensitiveCategory('gay-news.example')).toBe('sexuality');
    expect(isSensitiveSite('essay-writer.example')).toBe(false);
    expect(sensitiveCategory('le-parti.example')).toBe('politics');
    expect(isSensitiveSite('departir.example')).toBe(false);
  });
});
