import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tabIdOf } from '../../scripts/browser.ts';
import { axeViolations } from './axe.ts';
import { everythingStored } from './extension-db.ts';
import { PopupPage } from './popup-page.ts';
import { useExtensionBrowser } from './setup.ts';
import { TEST_SITES } from './test-site.ts';

// Third-party cookies allowed, as most browsers still do: Magnite's pixel sets its id cookie.
const env = useExtensionBrowser(TEST_SITES, { thirdPartyCookies: true });
const POST = 'https://www.garden-blog.example/post.html';

/** The headers (unfolded) and the decoded text part of a downloaded .eml. */
function readEml(text: string) {
  const [head = '', ...rest] = text.split('\r\n\r\n');
  const headers = Object.fromEntries(
    head
      .replace(/\r\n /g, ' ')
      .split('\r\n')
      .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]),
  );
  const base64 = rest.join('\r\n\r\n').replace(/\s/g, '');
  return { headers, body: Buffer.from(base64, 'base64').toString('utf8') };
}

describe('letters', () => {
  it('goes from a company in the popup to a downloaded .eml, then “I sent it” and the deadline', async () => {
    const { context, extensionId } = env.browser;
    const page = await context.newPage();
    // Twice: the second load carries back the cookie the first set.
    await page.goto(POST, { waitUntil: 'networkidle' });
    await page.goto(POST, { waitUntil: 'networkidle' });
    const popup = await PopupPage.open(context, extensionId, await tabIdOf(context, extensionId, POST));
    const magnite = popup.page.locator('[data-testid="recipient"][data-company="magnite"]');
    const [composer] = await Promise.all([
      context.waitForEvent('page'),
      magnite.locator('[data-testid="draft-letter"]').click(),
    ]);
    await composer.waitForSelector('[data-testid="letter-body"]');
    expect(composer.url()).toContain('options.html#/letter/magnite');
    expect(await composer.inputValue('[data-testid="letter-contact"]')).toBe('privacy@magnite.com');
    // The identifiers offered: Magnite's cookie on its own domain and the id in its requests; nothing of Google's.
    const offered = await composer.locator('[data-testid="letter-identifiers"] li').allTextContents();
    expect(offered.some((o) => o.includes('cookie tracker_uid (pixel.rubiconproject.com)'))).toBe(true);
    expect(offered.some((o) => o.includes('parameter uid') && o.includes('rp7f3a91c2e8'))).toBe(true);
    expect(offered.join(' ')).not.toContain('ga55512345');
    expect(await axeViolations(composer)).toEqual([]);

    // Opt in to a hashed email: only the hash (computed on the device) goes in the letter.
    await composer.fill('[data-testid="letter-email"]', 'Me@Example.org');
    await composer.waitForSelector('[data-testid="letter-email-hash"]');
    const hash = createHash('sha256').update('me@example.org').digest('hex');
    await composer.waitForFunction(
      (h) => (document.querySelector('[data-testid="letter-body"]') as HTMLTextAreaElement).value.includes(h),
      hash,
    );
    const [download] = await Promise.all([
      composer.waitForEvent('download'),
      composer.click('[data-testid="letter-eml"]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^DSC-\d{8}-[0-9A-Z]{6}\.eml$/);
    const eml = readEml(readFileSync((await download.path()) as string, 'utf8'));
    const reference = download.suggestedFilename().replace(/\.eml$/, '');
    expect(eml.headers.To).toBe('privacy@magnite.com');
    expect(eml.headers['X-Unsent']).toBe('1');
    // The subject has a dash: RFC 2047 encoded words.
    const subject = (eml.headers.Subject as string)
      .split(' ')
      .map((w) => Buffer.from(w.replace(/^=\?UTF-8\?B\?|\?=$/g, ''), 'base64').toString('utf8'))
      .join('');
    expect(subject).toBe(`Request for erasure of personal data — reference ${reference}`);
    expect(eml.body).toContain('Article 17(1)(b) GDPR');
    expect(eml.body).toContain('Article 21(2) GDPR');
    expect(eml.body).toContain('rp7f3a91c2e8');
    expect(eml.body).toContain('pixel.rubiconproject.com');
    expect(eml.body).toContain('Websites: garden-blog.example.');
    expect(eml.body).not.toMatch(/google|ga55512345/i);
    expect(eml.body).toContain(hash);
    expect(eml.body).not.toMatch(/me@example\.org/i);

    const today = await composer.inputValue('[data-testid="letter-sent-on"]');
    await composer.click('[data-testid="letter-sent"]');
    await composer.waitForSelector(`[data-testid="letters-table"] tr[data-reference="${reference}"]`);
    const row = composer.locator(`tr[data-reference="${reference}"]`);
    expect(await row.locator('td').first().textContent()).toBe('Magnite');
    expect(await row.locator('[data-testid="letter-status"]').inputValue()).toBe('sent');
    // The record keeps what the letter cites, so retention may let the totals behind it go.
    const stored = JSON.parse(await everythingStored(context, extensionId)) as {
      letters: {
        reference: string;
        evidence?: { sites: string[]; domains: string[]; identifiers: { value: string }[] };
      }[];
    };
    const evidence = stored.letters.find((l) => l.reference === reference)?.evidence;
    expect(evidence?.sites).toEqual(['garden-blog.example']);
    expect(evidence?.domains).toContain('pixel.rubiconproject.com');
    expect(evidence?.identifiers.map((i) => i.value)).toContain(hash);
    const due = (await row.locator('[data-testid="letter-due"]').textContent()) ?? '';
    // One month later (or the month's last day, or the next working day after a weekend and the holidays around it,
    // such as New Year's Day or Easter): 28 to 35 days from today.
    const [, daysText = ''] = due.split(' (');
    // The day as a machine reads it: the text is in the UI's format.
    const dueDay = (await row.locator('[data-testid="letter-due"] time').getAttribute('datetime')) ?? '';
    const days = Math.round((Date.parse(dueDay) - Date.parse(today)) / 86_400_000);
    expect(days).toBeGreaterThanOrEqual(28);
    expect(days).toBeLessThanOrEqual(35);
    expect(daysText).toBe(`${days} days left)`);
    // Reminders are set for the week before and the day.
    const alarms = await composer.evaluate(() =>
      (
        globalThis as unknown as { chrome: { alarms: { getAll(): Promise<{ name: string }[]> } } }
      ).chrome.alarms.getAll(),
    );
    expect(
      alarms
        .map((a) => a.name)
        .filter((n) => n.startsWith(`letter:${reference}`))
        .sort(),
    ).toEqual([`letter:${reference}:before`, `letter:${reference}:due`]);
    expect(await axeViolations(composer)).toEqual([]);

    // Follow-ups: the reminder letter cites the request; prepared answers; a complaint to the authority chosen.
    await row.locator('[data-testid="letter-follow-up"]').click();
    const reminder = await composer.inputValue('[data-testid="follow-up-body"]');
    expect(reminder).toContain(reference);
    expect(reminder).toContain('right to erasure under the GDPR');
    await composer.getByRole('button', { name: 'Answers to their reply' }).click();
    expect(await composer.locator('[data-testid="reply-kinds"] input[type="radio"]').count()).toBe(6);
    // One prepared answer at a time, as a letter of its own that cites the request.
    const first = await composer.inputValue('[data-testid="follow-up-body"]');
    await composer.getByRole('radio', { name: '“Send us a copy of your ID”' }).check();
    const idAnswer = await composer.inputValue('[data-testid="follow-up-body"]');
    expect(idAnswer).not.toBe(first);
    expect(idAnswer).toContain(reference);
    expect(await composer.inputValue('[data-testid="follow-up-subject"]')).toContain(reference);
    await composer.getByRole('button', { name: 'Complaint to the authority' }).click();
    await composer.selectOption('[data-testid="residence"]', 'FR');
    expect(await composer.locator('[data-testid="authority"] a').getAttribute('href')).toBe('https://www.cnil.fr');
    const complaint = await composer.inputValue('[data-testid="follow-up-body"]');
    expect(complaint).toContain('Article 77 GDPR');
    const sentOn = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
      new Date(`${today}T12:00:00Z`),
    );
    expect(complaint).toContain(`${sentOn}: I sent a request exercising my right to erasure to privacy@magnite.com`);
    expect(await axeViolations(composer)).toEqual([]);
    await composer.close();
    await popup.close();
    await page.close();
  });

  it('says a company needs a contact, and keeps the one the user enters as theirs', async () => {
    const { context, extensionId } = env.browser;
    const page = await context.newPage();
    await page.goto('https://www.news-site.example/article.html', { waitUntil: 'networkidle' });
    const letter = `chrome-extension://${extensionId}/options.html#/letter/${encodeURIComponent('site:unlisted-widgets.example')}`;
    await page.goto(letter);
    await page.waitForSelector('[data-testid="needs-contact"]');
    expect(await page.locator('[data-testid="letter-sent"]').isDisabled()).toBe(true);
    await page.fill('[data-testid="letter-contact"]', 'dpo@unlisted-widgets.example');
    await page.getByRole('button', { name: 'Keep this contact' }).click();
    await page.waitForSelector('[data-testid="contact-status"]:text("Kept")');
    await page.reload();
    await page.waitForSelector('[data-testid="letter-body"]');
    expect(await page.inputValue('[data-testid="letter-contact"]')).toBe('dpo@unlisted-widgets.example');
    expect(await page.locator('text=You entered this contact.').count()).toBe(1);
    expect(await page.locator('[data-testid="needs-contact"]').count()).toBe(0);
    await page.close();
  });
});
