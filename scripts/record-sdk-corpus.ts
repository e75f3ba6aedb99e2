/**
 * `npx tsx scripts/record-sdk-corpus.ts [name…]`: records what real browser SDKs from npm send. Each SDK is bundled
 * (esbuild) into one page of a made-up shop, https://shop.example/<name>.html, served by the fake internet in
 * Debian's Chromium (no extension: the server's own log is the record). The page identifies a fake user
 * (jane.doe@example.com, id user-4711), sends a page view and a purchase, and leaves; every request the SDK's vendor
 * hosts received — method, address, headers, body bytes — is written to tests/fixtures/sdk-corpus/<name>.json with
 * the kinds established by hand for it (scripts/sdk-corpus-labels.ts). A request no label covers stops the run:
 * nothing goes into the corpus unread. A dev script, not shipped.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from './browser.ts';
import { type LoggedRequest, startFakeInternet } from './fake-internet.ts';
import { expectedKinds, type SdkFixture, type SdkRequest } from './sdk-corpus-labels.ts';

const root = resolve(import.meta.dirname ?? '.', '..');
const OUT = join(root, 'tests', 'fixtures', 'sdk-corpus');
const SITE = 'shop.example';
const POSTHOG_TOKEN = 'phc_4711abcdefghijklmnopqrstuvwxyz0123456789';

/** Each SDK's page script: identify the fake user, a page view, a purchase; `window.done` once it has sent. */
const SDKS: Record<string, { packages: string[]; hosts: RegExp; code: string }> = {
  sentry: {
    packages: ['@sentry/browser'],
    hosts: /(^|\.)sentry\.io$/,
    code: `import * as Sentry from '@sentry/browser';
Sentry.init({ dsn: 'https://0123456789abcdef0123456789abcdef@o4711.ingest.sentry.io/4504711', sendClientReports: false, tracesSampleRate: 1, integrations: [Sentry.browserTracingIntegration()] });
Sentry.setUser({ id: 'user-4711', email: 'jane.doe@example.com' });
Sentry.addBreadcrumb({ category: 'shop', message: 'purchase', data: { order: 'order-1001', value: 42 } });
Sentry.captureException(new Error('Payment provider timed out'));
setTimeout(() => Sentry.flush(2000).then(() => { window.done = true; }), 500);`,
  },
  posthog: {
    packages: ['posthog-js'],
    hosts: /(^|\.)posthog\.com$/,
    code: `import posthog from 'posthog-js';
posthog.init('phc_4711abcdefghijklmnopqrstuvwxyz0123456789', { api_host: 'https://us.i.posthog.com', autocapture: false, disable_session_recording: true, capture_pageview: false, request_batching: true, opt_out_useragent_filter: true });
posthog.identify('user-4711', { email: 'jane.doe@example.com' });
posthog.capture('$pageview');
posthog.capture('purchase', { order_id: 'order-1001', value: 42, currency: 'EUR' });
setTimeout(() => { window.done = true; }, 4000);`,
  },
  mixpanel: {
    packages: ['mixpanel-browser'],
    hosts: /(^|\.)mixpanel\.com$/,
    code: `import mixpanel from 'mixpanel-browser';
mixpanel.init('4711abcdef0123456789abcdef012345', { api_host: 'https://api-js.mixpanel.com', batch_flush_interval_ms: 500, track_pageview: false });
mixpanel.identify('user-4711');
mixpanel.people.set({ $email: 'jane.doe@example.com' });
mixpanel.track_pageview();
mixpanel.track('Purchase', { order_id: 'order-1001', value: 42, currency: 'EUR' });
setTimeout(() => { window.done = true; }, 3000);`,
  },
  amplitude: {
    packages: ['@amplitude/analytics-browser'],
    hosts: /(^|\.)amplitude\.com$/,
    code: `import * as amplitude from '@amplitude/analytics-browser';
amplitude.init('4711abcdef0123456789abcdef012345', 'user-4711', { autocapture: false, flushIntervalMillis: 500 });
const id = new amplitude.Identify(); id.set('email', 'jane.doe@example.com'); amplitude.identify(id);
amplitude.track('Page Viewed', { page: location.pathname });
amplitude.revenue(new amplitude.Revenue().setProductId('sku-1').setPrice(42).setQuantity(1));
amplitude.track('Purchase', { order_id: 'order-1001', value: 42 });
setTimeout(() => amplitude.flush().promise.then(() => { window.done = true; }), 1000);`,
  },
  segment: {
    packages: ['@segment/analytics-next'],
    hosts: /(^|\.)segment\.(io|com)$/,
    code: `import { AnalyticsBrowser } from '@segment/analytics-next';
const analytics = AnalyticsBrowser.load({ writeKey: 'wk4711abcdef', cdnSettings: { integrations: { 'Segment.io': { apiKey: 'wk4711abcdef' } } } });
analytics.identify('user-4711', { email: 'jane.doe@example.com' });
analytics.page();
analytics.track('Order Completed', { order_id: 'order-1001', revenue: 42, currency: 'EUR' });
setTimeout(() => { window.done = true; }, 3000);`,
  },
  customerio: {
    packages: ['@customerio/cdp-analytics-browser'],
    hosts: /(^|\.)customer\.io$/,
    code: `import { AnalyticsBrowser } from '@customerio/cdp-analytics-browser';
const analytics = AnalyticsBrowser.load({ writeKey: 'cio4711abcdef', cdnSettings: { integrations: { 'Customer.io Data Pipelines': { apiKey: 'cio4711abcdef', apiHost: 'cdp.customer.io/v1' } } } });
analytics.identify('user-4711', { email: 'jane.doe@example.com' });
analytics.page();
analytics.track('Order Completed', { order_id: 'order-1001', revenue: 42 });
setTimeout(() => { window.done = true; }, 3000);`,
  },
  launchdarkly: {
    packages: ['launchdarkly-js-client-sdk'],
    hosts: /(^|\.)launchdarkly\.com$/,
    code: `import { initialize } from 'launchdarkly-js-client-sdk';
const client = initialize('64a7f4711abcdef012345678', { kind: 'user', key: 'user-4711', email: 'jane.doe@example.com' }, { flushInterval: 500, sendEventsOnlyForVariation: false, fetchGoals: false, diagnosticOptOut: true });
client.waitForInitialization(3).catch(() => undefined).then(() => {
  client.variation('new-checkout', false);
  client.track('page-view');
  client.track('purchase', { order: 'order-1001' }, 42);
  return client.flush();
}).then(() => { window.done = true; });`,
  },
  growthbook: {
    packages: ['@growthbook/growthbook'],
    hosts: /(^|\.)growthbook\.io$/,
    code: `import { GrowthBook } from '@growthbook/growthbook';
const gb = new GrowthBook({ apiHost: 'https://cdn.growthbook.io', clientKey: 'sdk-4711abcdef', attributes: { id: 'user-4711', email: 'jane.doe@example.com', url: location.href } });
gb.init({ timeout: 2000 }).catch(() => undefined).then(() => { gb.isOn('new-checkout'); window.done = true; });`,
  },
  'datadog-rum': {
    packages: ['@datadog/browser-rum'],
    hosts: /datadoghq\.com$/,
    code: `import { datadogRum } from '@datadog/browser-rum';
datadogRum.init({ applicationId: '4711abcd-ef01-2345-6789-abcdef012345', clientToken: 'pub4711abcdef0123456789abcdef0123', site: 'datadoghq.com', service: 'shop', sessionSampleRate: 100, sessionReplaySampleRate: 0, trackUserInteractions: false, trackResources: false, trackLongTasks: false });
datadogRum.setUser({ id: 'user-4711', email: 'jane.doe@example.com' });
datadogRum.addAction('purchase', { order_id: 'order-1001', value: 42 });
setTimeout(() => { window.done = true; }, 1500);`,
  },
  'datadog-logs': {
    packages: ['@datadog/browser-logs'],
    hosts: /datadoghq\.com$/,
    code: `import { datadogLogs } from '@datadog/browser-logs';
datadogLogs.init({ clientToken: 'pub4711abcdef0123456789abcdef0123', site: 'datadoghq.com', service: 'shop', forwardErrorsToLogs: false, sessionSampleRate: 100 });
datadogLogs.setUser({ id: 'user-4711', email: 'jane.doe@example.com' });
datadogLogs.logger.info('page view', { page: location.pathname });
datadogLogs.logger.info('purchase', { order_id: 'order-1001', value: 42 });
setTimeout(() => { window.done = true; }, 1500);`,
  },
  bugsnag: {
    packages: ['@bugsnag/js'],
    hosts: /(^|\.)bugsnag\.com$/,
    code: `import Bugsnag from '@bugsnag/js';
Bugsnag.start({ apiKey: '4711abcdef0123456789abcdef012345', user: { id: 'user-4711', email: 'jane.doe@example.com', name: 'Jane Doe' } });
Bugsnag.leaveBreadcrumb('purchase', { order: 'order-1001', value: 42 });
Bugsnag.notify(new Error('Payment provider timed out'));
setTimeout(() => { window.done = true; }, 2000);`,
  },
  statsig: {
    packages: ['@statsig/js-client'],
    hosts: /(^|\.)(statsig\.com|statsigapi\.net|featureassets\.org|prodregistryv2\.org)$/,
    code: `import { StatsigClient } from '@statsig/js-client';
const client = new StatsigClient('client-4711abcdef0123456789', { userID: 'user-4711', email: 'jane.doe@example.com' });
client.initializeAsync().catch(() => undefined).then(() => {
  client.checkGate('new_checkout');
  client.logEvent('page_view');
  client.logEvent('purchase', '42', { order_id: 'order-1001' });
  return client.flush();
}).then(() => { window.done = true; });`,
  },
  plausible: {
    packages: ['plausible-tracker'],
    hosts: /(^|\.)plausible\.io$/,
    code: `import Plausible from 'plausible-tracker';
const plausible = Plausible({ domain: 'shop.example', apiHost: 'https://plausible.io' });
plausible.trackPageview();
plausible.trackEvent('Purchase', { props: { value: '42' } });
setTimeout(() => { window.done = true; }, 1000);`,
  },
  optimizely: {
    packages: ['@optimizely/optimizely-sdk'],
    hosts: /(^|\.)optimizely\.com$/,
    code: `import { createInstance, createStaticProjectConfigManager, createBatchEventProcessor } from '@optimizely/optimizely-sdk';
const datafile = { version: '4', rollouts: [], typedAudiences: [], anonymizeIP: true, projectId: '4711000', variables: [], featureFlags: [], experiments: [], audiences: [], groups: [], attributes: [{ id: '4711101', key: 'email' }], botFiltering: false, accountId: '4711999', events: [{ key: 'page_view', id: '4711201', experimentIds: [] }, { key: 'purchase', id: '4711202', experimentIds: [] }], revision: '1', integrations: [] };
const client = createInstance({ projectConfigManager: createStaticProjectConfigManager({ datafile: JSON.stringify(datafile) }), eventProcessor: createBatchEventProcessor({ flushInterval: 300 }) });
client.onReady().then(() => {
  const user = client.createUserContext('user-4711', { email: 'jane.doe@example.com' });
  user.trackEvent('page_view');
  user.trackEvent('purchase', { revenue: 4200, value: 42 });
  setTimeout(() => { window.done = true; }, 1500);
});`,
  },
  braze: {
    packages: ['@braze/web-sdk'],
    hosts: /(^|\.)braze\.(com|eu)$/,
    code: `import * as braze from '@braze/web-sdk';
braze.initialize('4711abcd-ef01-2345-6789-abcdef012345', { baseUrl: 'sdk.iad-01.braze.com', sessionTimeoutInSeconds: 1800 });
braze.changeUser('user-4711');
braze.getUser().setEmail('jane.doe@example.com');
braze.openSession();
braze.logCustomEvent('page_view', { page: location.pathname });
braze.logPurchase('sku-1', 42, 'EUR', 1, { order_id: 'order-1001' });
braze.requestImmediateDataFlush();
setTimeout(() => { window.done = true; }, 2000);`,
  },
  newrelic: {
    packages: ['@newrelic/browser-agent'],
    hosts: /(^|\.)nr-data\.net$/,
    code: `import { BrowserAgent } from '@newrelic/browser-agent';
const agent = new BrowserAgent({ init: { session_replay: { enabled: false }, session_trace: { enabled: false }, ajax: { deny_list: ['bam.nr-data.net'] }, harvest: { interval: 2 } }, info: { beacon: 'bam.nr-data.net', errorBeacon: 'bam.nr-data.net', licenseKey: 'NRJS-4711abcdef0123456', applicationID: '4711001', sa: 1 }, loader_config: { accountID: '4711', trustKey: '4711', agentID: '4711001', licenseKey: 'NRJS-4711abcdef0123456', applicationID: '4711001' } });
agent.setUserId('user-4711');
agent.setCustomAttribute('email', 'jane.doe@example.com');
agent.addPageAction('purchase', { order_id: 'order-1001', value: 42 });
setTimeout(() => { window.done = true; }, 4000);`,
  },
  rrweb: {
    packages: ['rrweb'],
    hosts: /(^|\.)replay-vendor\.example$/,
    // A session-replay sender of our own: rrweb records, this posts the events gzip-compressed, as replay vendors do.
    code: `import { record } from 'rrweb';
const events = [];
const stop = record({ emit: (e) => events.push(e), sampling: { mousemove: 50 } });
const send = async (batch) => {
  const json = JSON.stringify({ session_id: 'b6f0c1de-4711-4c2a-9d3e-1f2a3b4c5d6e', user_id: 'user-4711', events: batch });
  const gz = await new Response(new Blob([json]).stream().pipeThrough(new CompressionStream('gzip'))).arrayBuffer();
  await fetch('https://rec.replay-vendor.example/v1/recording', { method: 'POST', body: gz, headers: { 'content-type': 'application/octet-stream' } });
};
window.replay = async () => { stop(); await send(events.splice(0)); window.done = true; };`,
  },
};

/** Plausible JSON answers where an SDK needs one to go on (a feature-flag SDK expects its flags). */
function answer(host: string, path: string, method: string) {
  const json = (body: unknown) => ({ type: 'application/json', body: JSON.stringify(body) });
  if (method === 'OPTIONS') return undefined;
  if (host.endsWith('launchdarkly.com') && path.startsWith('/sdk/evalx/'))
    return json({ 'new-checkout': { value: true, variation: 1, version: 3, flagVersion: 3, trackEvents: true } });
  if (host.endsWith('growthbook.io')) return json({ features: { 'new-checkout': { defaultValue: true } } });
  if (host === 'featureassets.org' || host.endsWith('statsigapi.net'))
    return path.includes('initialize')
      ? json({ feature_gates: {}, dynamic_configs: {}, layer_configs: {}, has_updates: true, time: 1 })
      : json({ success: true });
  if (host.endsWith('nr-data.net') && path.startsWith('/1/'))
    return json({
      st: 1,
      err: 1,
      ins: 1,
      sts: 0,
      sr: 0,
      spa: 0,
      loaded: 1,
      app: { agents: [], nr: { entityGuid: 'x' } },
    });
  if (host.endsWith('posthog.com') && /\/(flags|decide)/.test(path))
    return json({ featureFlags: {}, sessionRecording: false });
  if (host.endsWith('posthog.com') && /\/config(\.js)?$/.test(path)) {
    const config = { token: POSTHOG_TOKEN, supportedCompression: ['gzip', 'gzip-js'], hasFeatureFlags: false };
    const remote = JSON.stringify({ config, siteApps: [] });
    return path.endsWith('.js')
      ? {
          type: 'text/javascript',
          body: `(window._POSTHOG_REMOTE_CONFIG = window._POSTHOG_REMOTE_CONFIG || {})['${POSTHOG_TOKEN}'] = ${remote};`,
        }
      : json(config);
  }
  if (host.endsWith('braze.com')) return json({});
  if (host.endsWith('segment.io') || host.endsWith('customer.io')) return json({ success: true });
  return undefined;
}

async function bundle(name: string): Promise<string> {
  const result = await build({
    stdin: { contents: SDKS[name]!.code, resolveDir: root, loader: 'js' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    minify: true,
    logLevel: 'error',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return result.outputFiles[0]!.text;
}

let unlabelled = 0;
// `--label`: read the recorded fixtures again with the labels as they are now (no browser, no new traffic).
if (process.argv.includes('--label')) {
  for (const file of readdirSync(OUT)) {
    const fixture = JSON.parse(readFileSync(join(OUT, file), 'utf8')) as SdkFixture;
    fixture.requests = fixture.requests.map((r) => label(fixture.sdk, r));
    writeFileSync(join(OUT, file), `${JSON.stringify(fixture, null, 1)}\n`);
  }
  formatFixtures();
  console.log(unlabelled ? `${unlabelled} requests without labels.` : 'All requests labelled.');
  process.exit(unlabelled ? 1 : 0);
}

const wanted = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(SDKS);
const sites: Record<string, Record<string, string | { type: string; body: string }>> = { [SITE]: {} };
for (const name of wanted) {
  sites[SITE]![`/${name}.js`] = { type: 'text/javascript', body: await bundle(name) };
  sites[SITE]![`/${name}.html`] =
    `<!doctype html><html lang="en"><title>Checkout — Example Shop</title><h1>Thank you for your order</h1>` +
    `<p>Order order-1001, 42.00 EUR.</p><input id="q" placeholder="type here"><script src="/${name}.js"></script>`;
}
sites[SITE]!['/left.html'] = '<!doctype html><title>Left</title>';

const internet = await startFakeInternet(sites, 0, answer);
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  headless: true,
  args: [
    ...CHROMIUM_ARGS,
    `--host-resolver-rules=MAP * 127.0.0.1:${internet.port}, EXCLUDE localhost`,
    '--ignore-certificate-errors',
  ],
});
mkdirSync(OUT, { recursive: true });
for (const name of wanted) {
  const sdk = SDKS[name]!;
  const context = await browser.newContext({
    viewport: { width: 1280, height: 720 },
    locale: 'en-GB',
    timezoneId: 'Europe/Berlin',
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.log(`  ${name} page error: ${e.message.slice(0, 160)}`));
  const from = internet.log.length;
  const pageUrl = `https://${SITE}/${name}.html?order=order-1001`;
  await page.goto(pageUrl);
  if (name === 'rrweb') {
    await page.mouse.move(100, 100);
    await page.mouse.move(300, 200, { steps: 5 });
    await page.click('#q');
    await page.keyboard.type('hi');
    await page.evaluate(() => (window as unknown as { replay(): Promise<void> }).replay());
  }
  await page
    .waitForFunction(() => (window as unknown as { done?: boolean }).done === true, undefined, { timeout: 15000 })
    .catch(() => console.log(`  ${name}: never said done`));
  // Leaving the page makes SDKs that batch send what they hold (pagehide, visibilitychange → sendBeacon).
  await page.goto(`https://${SITE}/left.html`);
  await new Promise((r) => setTimeout(r, 1500));
  await context.close();
  const sent = internet.log.slice(from).filter((r: LoggedRequest) => r.method !== 'OPTIONS' && sdk.hosts.test(r.host));
  const fixture: SdkFixture = {
    sdk: name,
    packages: sdk.packages.map((p) => `${p}@${packageVersion(p)}`),
    pageUrl,
    requests: sent.map((r) => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(r.headers)) if (v !== undefined) headers[k] = String(v);
      return label(name, {
        method: r.method,
        url: `https://${r.host}${r.path}`,
        headers,
        body: r.body.toString('base64'),
        expected: {},
      });
    }),
  };
  console.log(`${name}: ${fixture.requests.length} requests`);
  writeFileSync(join(OUT, `${name}.json`), `${JSON.stringify(fixture, null, 1)}\n`);
}
await browser.close();
await internet.close();
formatFixtures();
if (unlabelled) console.log(`${unlabelled} requests without labels: read them and label them before committing.`);

/** The hand-established kinds of one request (scripts/sdk-corpus-labels.ts); counts the requests no label covers. */
function label(sdk: string, request: SdkRequest): SdkRequest {
  const expected = expectedKinds(sdk, request, SITE);
  if (!expected) {
    unlabelled++;
    console.log(`  ${sdk}: no label for ${request.method} ${request.url.slice(0, 150)}`);
    return { ...request, expected: {} };
  }
  return { ...request, expected };
}

/** The fixtures as the repository's formatter writes JSON, so `biome check` passes on a fresh recording. */
function formatFixtures() {
  execFileSync(join(root, 'node_modules', '.bin', 'biome'), ['format', '--write', OUT], { stdio: 'ignore' });
}

function packageVersion(name: string): string {
  const require = createRequire(import.meta.url);
  return (require(join(root, 'node_modules', name, 'package.json')) as { version: string }).version;
}
