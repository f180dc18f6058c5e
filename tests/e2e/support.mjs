// Shared set-up for the browser tests: Debian's Chromium, never a downloaded browser.
import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8080';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: FLAGS,
    headless: true,
  });
}

/**
 * A fresh page that records console errors and uncaught exceptions, so every test can assert
 * that nothing went wrong silently. With `lang`, the site's pages ask for that language (see
 * speak).
 */
export async function openPage(browser, path, viewport = { width: 1280, height: 800 }, { lang } = {}) {
  const context = await browser.newContext({ viewport });
  if (lang) await speak(context, lang);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  await page.goto(new URL(path, BASE_URL).href);
  return { page, context, problems };
}

/**
 * Serves the site's pages with every placeholder asking for `lang` (`data-lang`), as a council's
 * page in that language would. Set on a context before its first page opens.
 */
export async function speak(context, lang) {
  await context.route('**/*.html', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replaceAll('data-send-widget=', `data-lang="${lang}" data-send-widget=`);
    await route.fulfill({ response, body: html });
  });
}

/** Axe with the WCAG 2.2 A and AA rules (and the 2.0/2.1 ones they include). */
export async function axeViolations(page, include) {
  let builder = new AxeBuilder({ page }).withTags([
    'wcag2a',
    'wcag2aa',
    'wcag21a',
    'wcag21aa',
    'wcag22a',
    'wcag22aa',
  ]);
  if (include) builder = builder.include(include);
  const results = await builder.analyze();
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

/** The strict policy a council can use; the widgets must work under it. */
export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'";

/**
 * Serves test pages from tests/e2e/embed/ at /__fixtures__/… on the site's own origin (so the
 * loader, wasm and feed are same-origin, as on a council site). Files named *.csp.html are
 * served with STRICT_CSP.
 */
export async function serveFixtures(context) {
  const root = new URL('./embed/', import.meta.url);
  await context.route('**/__fixtures__/**', async (route) => {
    const path = new URL(route.request().url()).pathname.replace(/^\/__fixtures__\//, '');
    const { readFile } = await import('node:fs/promises');
    try {
      const body = await readFile(new URL(path, root));
      const type = path.endsWith('.html') ? 'text/html; charset=utf-8'
        : path.endsWith('.css') ? 'text/css'
          : path.endsWith('.json') ? 'application/json' : 'text/javascript';
      const headers = { 'content-type': type, 'cache-control': 'no-store' };
      if (path.endsWith('.csp.html')) headers['content-security-policy'] = STRICT_CSP;
      await route.fulfill({ status: 200, headers, body });
    } catch {
      await route.fulfill({ status: 404, body: 'no such fixture' });
    }
  });
}

/**
 * Opens a fixture page with problem recording, like openPage. With `ready` (a selector of a
 * widget's placeholder), waits until that widget says it is ready.
 */
export async function openFixture(browser, path, viewport = { width: 1280, height: 800 }, { ready } = {}) {
  const context = await browser.newContext({ viewport });
  await serveFixtures(context);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  await page.goto(new URL(`/__fixtures__/${path}`, BASE_URL).href);
  if (ready) await page.waitForSelector(`${ready}[data-sp-state="ready"]`, { timeout: 30000 });
  return { page, context, problems };
}
