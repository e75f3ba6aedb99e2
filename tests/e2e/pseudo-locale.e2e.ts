import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from '../../scripts/browser.ts';
import { type FakeInternet, startFakeInternet } from '../../scripts/fake-internet.ts';
import { makeHistory, SCREENS } from '../../scripts/screens.ts';
import { TEST_SITES } from './test-site.ts';

// The pseudo-locale build (`wxt build --mode pseudo`, made by `npm test`): every message 30% longer, accented and
// between ⟦ ⟧. Chosen in settings, it shows what a longer language would clip, and every text that bypasses the
// messages (English left on a screen once the translations come: it has no marker).

const root = resolve(import.meta.dirname, '..', '..');
const PSEUDO_BUILD = join(root, '.output', 'chrome-mv3-pseudo');
const SHOTS = join(root, 'test-results', 'pseudo-locale');

let internet: FakeInternet;
let browser: ExtensionBrowser;

beforeAll(async () => {
  internet = await startFakeInternet(TEST_SITES);
  browser = await launchWithExtension({ port: internet.port, thirdPartyCookies: true, extensionDir: PSEUDO_BUILD });
  await makeHistory(browser.context, browser.extensionId);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await internet?.close();
});

/**
 * Found by this test and left to the screen's owner, each with why it is not a one-line CSS fix. A finding not listed
 * fails the test; so does one listed that no longer happens (then remove it here).
 */
const KNOWN: Record<string, Finding[]> = {
  // The example table's columns are fixed (28% / 36%, `table-layout: fixed` in popup.css) so that no header breaks
  // inside a word; a header 30% longer than "Parameter" no longer fits its column. Needs the table's design.
  popup: [
    { text: '⟦Þáŕáɱéţéŕ···⟧', why: 'clipped (117 > 96 px)' },
    { text: '⟦Þáŕáɱéţéŕ···⟧', why: 'overflows its box (21 px)' },
  ],
};

interface Finding {
  text: string;
  why: string;
}

/**
 * What a reader would see wrong: text clipped by its box (`scrollWidth > clientWidth` where nothing scrolls on
 * purpose) or running out of its parent's box, and visible text or labels that look like English but carry no marker.
 * Text inside an element with a `lang` of its own (a letter written in its own language) is the user's or a
 * company's, not the UI's.
 */
function findings(page: Page): Promise<Finding[]> {
  return page.evaluate(() => {
    const out: { text: string; why: string }[] = [];
    const ENGLISH = new Set(
      'the a an and or of to from this that is was were are has have not no on in by with for you your it its what which who got received requests request company companies site sites data shown more'.split(
        ' ',
      ),
    );
    const english = (text: string) => {
      const words = text
        .split(/\s+/)
        .map((w) => w.replace(/[.,:;!?()“”"]/g, ''))
        .filter((w) => /^[A-Za-z']+$/.test(w));
      return words.length >= 2 && words.some((w) => ENGLISH.has(w.toLowerCase()));
    };
    const pageLang = document.documentElement.lang;
    const foreign = (el: Element) => {
      const withLang = el.closest('[lang]');
      return withLang && withLang !== document.documentElement && withLang.getAttribute('lang') !== pageLang;
    };
    const scrolls = (el: Element) => /auto|scroll/.test(getComputedStyle(el).overflowX);
    const visible = (el: Element) =>
      el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' && !el.closest('[hidden]');
    const block = (el: Element): Element => {
      let e: Element = el;
      while (e.parentElement && getComputedStyle(e).display.startsWith('inline')) e = e.parentElement;
      return e;
    };

    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      const el = node.parentElement;
      if (!el || !text.trim() || el.closest('script, style, noscript') || !visible(el) || foreign(el)) continue;
      // Inside a message when more ⟦ than ⟧ come before this text in its block (a message can hold a name in <b>).
      const container = block(el);
      const before = document.createRange();
      before.setStart(container, 0);
      before.setEnd(node, 0);
      const prior = before.toString();
      const depth = (prior.match(/⟦/g)?.length ?? 0) - (prior.match(/⟧/g)?.length ?? 0);
      if (depth <= 0 && !text.includes('⟦') && english(text)) out.push({ text: text.trim(), why: 'no marker' });
      if (el.closest('.visually-hidden')) continue;
      // Clipped: the box is narrower than its text and hides the rest.
      if (!scrolls(el) && el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1)
        out.push({ text: text.trim(), why: `clipped (${el.scrollWidth} > ${el.clientWidth} px)` });
      // Overflowing: the text runs past its block's box, and nothing between scrolls.
      const range = document.createRange();
      range.selectNodeContents(node);
      const r = range.getBoundingClientRect();
      let box: Element | null = container;
      while (box && box !== document.body && getComputedStyle(box).display === 'contents') box = box.parentElement;
      if (!box) continue;
      const b = box.getBoundingClientRect();
      let scrolled = false;
      for (let e: Element | null = el; e && e !== document.body; e = e.parentElement) if (scrolls(e)) scrolled = true;
      if (!scrolled && (r.right > b.right + 1 || r.left < b.left - 1))
        out.push({ text: text.trim(), why: `overflows its box (${Math.round(r.right - b.right)} px)` });
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (foreign(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt']) {
        const value = el.getAttribute(name);
        if (value && !value.includes('⟦') && english(value)) out.push({ text: value, why: `${name} has no marker` });
      }
    }
    return out;
  });
}

describe('the pseudo-locale, chosen in settings', () => {
  it('re-renders the open dashboard in it at once', async () => {
    const settings = SCREENS.find((s) => s.name === 'settings');
    const page = await settings?.open(browser.context, browser.extensionId);
    if (!page) throw new Error('no settings screen');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.selectOption('[data-testid="option-ui-language"]', 'en_XA');
    await page.waitForFunction(() => document.documentElement.lang === 'en-XA');
    await page.waitForSelector('[data-testid="option-ui-language"]');
    expect(await page.locator('main h2').first().textContent()).toMatch(/^⟦.*⟧$/);
    expect(await page.title()).toMatch(/^⟦/);
    // The choice is kept: the select shows it after the re-render.
    expect(await page.inputValue('[data-testid="option-ui-language"]')).toBe('en_XA');
    await page.close();
  });

  const shown = SCREENS.filter((s) => s.kind !== 'print');
  it.each(shown.map((s) => [s.name, s] as const))(
    '%s: no clipped text, and every visible text is a message',
    async (name, screen) => {
      const page = await screen.open(browser.context, browser.extensionId);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe('en-XA');
      // What a click shows is checked too: the popup's example requests.
      await page.evaluate(() => {
        for (const d of document.querySelectorAll('details')) d.open = true;
      });
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: screen.kind !== 'classroom' });
      // Each found once per place it shows (the popup has an example per company): the distinct ones.
      const found = [...new Map((await findings(page)).map((f) => [JSON.stringify(f), f])).values()];
      expect(found).toEqual(KNOWN[name] ?? []);
      await page.close();
    },
  );

  it('the checks find English left on a screen, and clipped or overflowing text', async () => {
    const settings = SCREENS.find((s) => s.name === 'settings');
    const page = await settings?.open(browser.context, browser.extensionId);
    if (!page) throw new Error('no settings screen');
    // In the pseudo-locale even when this test runs alone.
    await page.selectOption('[data-testid="option-ui-language"]', 'en_XA');
    await page.waitForFunction(() => document.documentElement.lang === 'en-XA');
    await page.waitForSelector('[data-testid="attribution"]');
    await page.evaluate(() => {
      const main = document.querySelector('main') as HTMLElement;
      const english = document.createElement('p');
      english.textContent = 'Nothing was recorded on this site.';
      const clipped = document.createElement('p');
      clipped.textContent = '⟦Ŝéţţíñĝš···⟧';
      clipped.style.cssText = 'width: 30px; overflow: hidden; white-space: nowrap';
      const button = document.createElement('button');
      button.setAttribute('aria-label', 'Close the panel');
      button.textContent = '×';
      main.append(english, clipped, button);
    });
    expect(await findings(page)).toEqual([
      { text: 'Nothing was recorded on this site.', why: 'no marker' },
      { text: '⟦Ŝéţţíñĝš···⟧', why: expect.stringMatching(/^clipped/) },
      { text: '⟦Ŝéţţíñĝš···⟧', why: expect.stringMatching(/^overflows its box/) },
      { text: 'Close the panel', why: 'aria-label has no marker' },
    ]);
    await page.close();
  });
});
