import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { letterLanguage } from '../../lib/letters/languages.ts';
import { tabIdOf } from '../../scripts/browser.ts';
import { pdfText } from './pdf-text.ts';
import { PopupPage } from './popup-page.ts';
import { useExtensionBrowser } from './setup.ts';
import { HEALTH, TEST_SITES } from './test-site.ts';

// A letter on paper and by mail, in German under the GDPR, to a company seen on two sites, one of them a health site.
const env = useExtensionBrowser(TEST_SITES, { thirdPartyCookies: true });
const BLOG = 'https://www.garden-blog.example/post.html';
const CLINIC = `https://${HEALTH}/index.html`;
// The German sentences the checks look for come from the language itself, not copies of them.
const de = letterLanguage('de');
const shots = join(import.meta.dirname, '..', '..', 'test-results', 'screenshots');

const messages = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', '..', 'public', '_locales', 'en', 'messages.json'), 'utf8'),
) as Record<string, { message: string }>;
/** The composer's and follow-ups' form labels and buttons, none of which belongs on paper. */
const LABELS = [
  'letterRecipient',
  'letterContact',
  'letterRepresentative',
  'letterOptions',
  'letterJurisdiction',
  'letterLanguage',
  'letterIdentifiers',
  'letterPreview',
  'letterSubject',
  'letterBody',
  'letterSend',
  'letterSigner',
  'letterName',
  'letterSignatureLine',
  'letterPrint',
  'letterDownloadEml',
  'letterSentOn',
  'letterISentIt',
  'letterNotLegalAdvice',
  'lettersFollowUp',
  'lettersReminder',
  'dashOverview',
  'dashCompanies',
].map((key) => messages[key]?.message as string);

/** The same text whatever the line breaks: a printed line wraps where the page ends. */
const flat = (text: string) => text.replace(/\s+/g, '');

/** The text part of an .eml, decoded as its headers say (base64 or quoted-printable, UTF-8). */
function emlText(eml: string): string {
  const [head = '', ...rest] = eml.split('\r\n\r\n');
  let headers = head;
  let body = rest.join('\r\n\r\n');
  // A multipart message: the first part is the text.
  const boundary = /boundary="([^"]+)"/.exec(head)?.[1];
  if (boundary) {
    const part = body.split(`--${boundary}`)[1] ?? '';
    [headers = '', body = ''] = [part.slice(0, part.indexOf('\r\n\r\n')), part.slice(part.indexOf('\r\n\r\n') + 4)];
  }
  expect(headers).toMatch(/Content-Type: text\/plain; charset=UTF-8/i);
  const encoding = /Content-Transfer-Encoding: (\S+)/i.exec(headers)?.[1]?.toLowerCase();
  const bytes =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s/g, ''), 'base64')
      : encoding === 'quoted-printable'
        ? Buffer.from(
            body
              .replace(/=\r\n/g, '')
              .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          )
        : Buffer.from(body, 'utf8');
  return bytes.toString('utf8').replace(/\r\n/g, '\n').trimEnd();
}

async function printed(page: Page): Promise<string> {
  return pdfText(await page.pdf({ format: 'A4' }));
}

describe('a letter on paper and by mail', () => {
  it('prints the whole German letter without the form, and the .eml holds the same text', async () => {
    mkdirSync(shots, { recursive: true });
    const { context, extensionId } = env.browser;
    const { internet } = env;
    const page = await context.newPage();
    await page.goto(BLOG, { waitUntil: 'networkidle' });
    await page.goto(CLINIC, { waitUntil: 'networkidle' });
    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, extensionId, CLINIC));
    const [composer] = await Promise.all([
      context.waitForEvent('page'),
      popup.page.locator('[data-testid="recipient"][data-company="magnite"] [data-testid="draft-letter"]').click(),
    ]);
    await composer.waitForSelector('[data-testid="letter-body"]');
    await composer.selectOption('[data-testid="letter-jurisdiction"]', 'gdpr');
    await composer.selectOption('[data-testid="letter-language"]', 'de');
    await composer.waitForFunction(() =>
      (document.querySelector('[data-testid="letter-body"]') as HTMLTextAreaElement).value.startsWith('Sehr geehrte'),
    );
    const body = () => composer.inputValue('[data-testid="letter-body"]');

    // What the server got from each site: the independent count the letter's numbers must match.
    const pixels = internet.requestsTo(['pixel.rubiconproject.com']);
    const fromBlog = pixels.filter((r) => r.referer.includes('garden-blog.example')).length;
    const fromClinic = pixels.filter((r) => r.referer.includes('health-clinic.example')).length;
    expect(fromBlog).toBeGreaterThan(0);
    expect(fromClinic).toBeGreaterThan(0);

    // The health site is left out until ticked: the counts are those of the one site listed.
    let text = await body();
    expect(text).toContain(de.evidence.volume(1, fromBlog));
    expect(text).toContain(de.evidence.sites('garden-blog.example'));
    expect(text).not.toContain('health-clinic');
    await composer.getByRole('checkbox', { name: 'health-clinic.example' }).check();
    await composer.waitForFunction(() =>
      (document.querySelector('[data-testid="letter-body"]') as HTMLTextAreaElement).value.includes('health-clinic'),
    );
    text = await body();
    expect(text).toContain(de.evidence.volume(2, fromBlog + fromClinic));
    expect(text).toContain(de.evidence.sites('garden-blog.example, health-clinic.example'));
    await composer.getByRole('checkbox', { name: 'health-clinic.example' }).uncheck();
    await composer.waitForFunction(
      () =>
        !(document.querySelector('[data-testid="letter-body"]') as HTMLTextAreaElement).value.includes('health-clinic'),
    );

    // Signed with a name instead of "the user of the browser", with a line to sign on paper.
    await composer.fill('[data-testid="letter-name"]', 'Erika Mustermann');
    await composer.check('[data-testid="letter-signature-line"]');
    await composer.waitForFunction(() =>
      (document.querySelector('[data-testid="letter-body"]') as HTMLTextAreaElement).value.includes('Erika'),
    );
    text = await body();
    expect(text).toContain(`\n\n${de.closing}\nErika Mustermann\n`);
    expect(text).toMatch(/ · Mein Zeichen: DSC-\d{8}-[0-9A-Z]{6}$/);
    expect(text).not.toMatch(/google|ga55512345/i);
    const subject = await composer.inputValue('[data-testid="letter-subject"]');
    const reference = /DSC-\d{8}-[0-9A-Z]{6}/.exec(subject)?.[0] as string;
    expect(subject).toBe(de.laws.gdpr?.rights.erasure?.subject({ company: 'Magnite', reference, date: '' }));
    // Long enough that a text box of its visible height would cut it.
    expect(text.length).toBeGreaterThan(2500);
    await composer.screenshot({ path: join(shots, 'composer.png'), fullPage: true });

    // On paper: subject, the whole body, the reference and date, the name; no label, button or other company.
    const paper = await printed(composer);
    expect(flat(paper)).toContain(flat(subject));
    expect(flat(paper)).toContain(flat(text));
    expect(flat(paper)).toContain(flat('Magnite'));
    for (const label of LABELS) expect(paper, label).not.toContain(label);
    expect(paper).not.toMatch(/google|ga55512345|health-clinic/i);
    await composer.emulateMedia({ media: 'print' });
    expect(await composer.locator('[data-testid="paper-signature"]').isVisible()).toBe(true);
    expect(await composer.locator('[data-testid="letter-body"]').isVisible()).toBe(false);
    await composer.screenshot({ path: join(shots, 'print-preview.png'), fullPage: true });
    // Back to no emulation: page.pdf() prints with print media unless screen media is emulated.
    await composer.emulateMedia({ media: null });

    // By mail: the .eml decodes to the very same text, addressed to Magnite only.
    const [download] = await Promise.all([
      composer.waitForEvent('download'),
      composer.click('[data-testid="letter-eml"]'),
    ]);
    const eml = readFileSync((await download.path()) as string, 'utf8');
    expect(eml).toMatch(/^To: privacy@magnite\.com\r$/m);
    expect(emlText(eml)).toBe(text);
    expect(eml).not.toMatch(/google/i);
    const mailto = (await composer.locator('[data-testid="letter-mailto"]').getAttribute('href')) as string;
    expect(mailto.startsWith('mailto:privacy@magnite.com?subject=')).toBe(true);
    // Past the link's limit the body stays out of it (the user copies it), never cut.
    if (mailto.includes('&body='))
      expect(decodeURIComponent(mailto.split('&body=')[1] ?? '')).toBe(text.replace(/\n/g, '\r\n'));
    else expect(await composer.locator('[data-testid="mailto-too-long"]').count()).toBe(1);

    // Sent: the follow-ups are letters of the same kind, in German, signed with the same name, with the same ways out.
    await composer.click('[data-testid="letter-sent"]');
    const row = composer.locator(`tr[data-reference="${reference}"]`);
    await row.locator('[data-testid="letter-follow-up"]').click();
    const reminder = await composer.inputValue('[data-testid="follow-up-body"]');
    expect(reminder).toContain(`Mein Zeichen: ${reference}`);
    expect(reminder).toContain(`\n\n${de.closing}\nErika Mustermann\n`);
    expect(await composer.locator('[data-testid="follow-up"] [data-testid="letter-mailto"]').count()).toBe(1);
    expect(await composer.locator('[data-testid="follow-up"] [data-testid="letter-eml"]').count()).toBe(1);
    expect(await composer.locator('[data-testid="follow-up"] [data-testid="letter-print"]').count()).toBe(1);
    const [reminderEml] = await Promise.all([
      composer.waitForEvent('download'),
      composer.click('[data-testid="follow-up"] [data-testid="letter-eml"]'),
    ]);
    expect(emlText(readFileSync((await reminderEml.path()) as string, 'utf8'))).toBe(reminder);
    const reminderPaper = await printed(composer);
    expect(flat(reminderPaper)).toContain(flat(reminder));
    for (const label of LABELS) expect(reminderPaper, label).not.toContain(label);
    // The letters table stays off the paper.
    expect(reminderPaper).not.toContain(messages.lettersStatus?.message as string);

    // A complaint: the complainant's details and their choice on sharing their identity, in German.
    await composer.getByRole('button', { name: messages.lettersComplaint?.message as string }).click();
    await composer.selectOption('[data-testid="residence"]', 'DE-BE');
    await composer.fill('[data-testid="complainant-contact"]', 'Musterweg 1\n12345 Berlin');
    const complaint = await composer.inputValue('[data-testid="follow-up-body"]');
    expect(complaint).toContain('Erika Mustermann\nMusterweg 1\n12345 Berlin');
    expect(complaint).toContain(`\n\n${de.closing}\nErika Mustermann\n`);
    expect(complaint).not.toContain(messages.lettersShareIdentity?.message as string);
    // Ticking the choice changes one paragraph of the complaint, its sentence on sharing the identity.
    await composer.check('[data-testid="share-identity"]');
    const shared = await composer.inputValue('[data-testid="follow-up-body"]');
    const before = complaint.split('\n\n');
    const after = shared.split('\n\n');
    expect(after).toHaveLength(before.length);
    const changed = after.filter((p, i) => p !== before[i]);
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatch(/Identität/);
    await composer.locator('[data-testid="follow-up"]').screenshot({ path: join(shots, 'follow-up.png') });
    await composer.close();
    await popup.close();
    await page.close();
  });

  it('starts afresh for another company opened in the same page: no recipient, name or text of the previous one', async () => {
    const { context, extensionId } = env.browser;
    const page = await context.newPage();
    await page.goto(BLOG, { waitUntil: 'networkidle' });
    await page.goto(`chrome-extension://${extensionId}/options.html#/letter/magnite`);
    await page.waitForSelector('[data-testid="letter-body"]');
    await page.fill('[data-testid="letter-contact"]', 'someone-else@magnite.example');
    await page.fill('[data-testid="letter-name"]', 'Erika Mustermann');
    await page.evaluate(() => {
      location.hash = '#/letter/google';
    });
    await page.waitForFunction(() =>
      (document.querySelector('[data-testid="letter-body"]') as HTMLTextAreaElement | null)?.value.includes(
        'google-analytics.com',
      ),
    );
    expect(await page.locator('h2').first().textContent()).toContain('Google');
    expect(await page.inputValue('[data-testid="letter-contact"]')).not.toContain('magnite');
    expect(await page.inputValue('[data-testid="letter-name"]')).toBe('');
    const text = await page.inputValue('[data-testid="letter-body"]');
    expect(text).not.toMatch(/magnite|rubicon|rp7f3a91c2e8|Erika/i);
    expect(await page.inputValue('[data-testid="letter-subject"]')).not.toMatch(/magnite/i);
    await page.close();
  });
});
