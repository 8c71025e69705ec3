// Swagger UI of the examples, used as a person would in headless Chromium: Authorize, then
// "Try it out" and "Execute". The page loads its assets from the public CDN; with no network
// here, those requests are answered from the npm package swagger-ui-dist, and any other request
// that leaves loopback is refused and fails the scenario.
//
// Environment: EX1_URL and EX2_URL (the running api_key and oauth2_password examples), OUT_DIR
// (screenshots), CHROMIUM (default /usr/bin/chromium). Closes with `N passed, N failed`.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const SWAGGER_UI_DIST = dirname(require.resolve('swagger-ui-dist/package.json'));
const EX1_URL = required('EX1_URL');
const EX2_URL = required('EX2_URL');
const OUT_DIR = process.env.OUT_DIR ?? 'screenshots';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const TIMEOUT_MS = 20_000;

/** The CDN files the page asks for, and their content types. */
const ASSETS = new Map([
  ['swagger-ui-bundle.js', 'text/javascript'],
  ['swagger-ui.css', 'text/css'],
]);

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is not set`);
    process.exit(2);
  }
  return value;
}

/**
 * Answers a request of the page without the network: loopback goes through, the CDN's
 * swagger-ui-dist files come from node_modules, favicons are empty, anything else is refused
 * and recorded in `leaks`.
 */
async function offline(route, leaks) {
  const url = new URL(route.request().url());
  if (['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) {
    return route.continue();
  }
  const asset = url.pathname.match(/^\/npm\/swagger-ui-dist@[^/]+\/([^/]+)$/);
  if (url.hostname === 'cdn.jsdelivr.net' && asset && ASSETS.has(asset[1])) {
    return route.fulfill({ path: join(SWAGGER_UI_DIST, asset[1]), contentType: ASSETS.get(asset[1]) });
  }
  if (/favicon\.(png|ico)$/.test(url.pathname)) {
    return route.fulfill({ status: 200, contentType: 'image/png', body: '' });
  }
  leaks.push(url.href);
  return route.abort('blockedbyclient');
}

/**
 * A fresh page whose requests never leave loopback; `problems` collects the requests refused and
 * the page's uncaught errors.
 */
async function openPage(context, url, problems) {
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT_MS);
  await page.route('**/*', (route) => offline(route, problems.leaks));
  page.on('pageerror', (error) => problems.errors.push(error.message));
  const response = await page.goto(url);
  assert.equal(response.status(), 200, `GET ${url}`);
  // The document is loaded and rendered: the title of its `info`.
  await page.locator('.swagger-ui .info .title', { hasText: 'FastAPI' }).waitFor();
  return page;
}

/** Opens the Authorize dialog of the page. */
async function openAuthorize(page) {
  await page.locator('.scheme-container button.authorize').click();
  const dialog = page.locator('.dialog-ux .modal-ux');
  await dialog.waitFor();
  return dialog;
}

/**
 * Expands an operation, clicks "Try it out" and "Execute", and returns the request the page
 * sent and the status and JSON body that Swagger UI shows.
 */
async function tryItOut(page, operationId, path) {
  const operation = page.locator(`#operations-default-${operationId}`);
  await operation.locator('.opblock-summary-control').click();
  await operation.getByRole('button', { name: 'Try it out' }).click();
  const [sent] = await Promise.all([
    page.waitForRequest((request) => new URL(request.url()).pathname === path),
    operation.getByRole('button', { name: 'Execute' }).click(),
  ]);
  const response = operation.locator('.live-responses-table .response').first();
  await response.locator('.response-col_status').waitFor();
  const status = (await response.locator('.response-col_status').innerText()).trim();
  const body = await response.locator('.response-col_description pre').first().innerText();
  await response.scrollIntoViewIfNeeded();
  return { sent, status, body: JSON.parse(body) };
}

// --- scenarios -----------------------------------------------------------------------------

const scenarios = [];
function scenario(name, run) {
  scenarios.push({ name, run });
}

scenario('ex1 (api_key) without Authorize: GET /secure-data is 401', async (context, problems) => {
  const page = await openPage(context, `${EX1_URL}/docs`, problems);
  const { sent, status, body } = await tryItOut(page, 'secure_data_secure_data_get', '/secure-data');
  assert.equal(sent.headers()['x-api-key'], undefined, 'no key sent');
  assert.equal(status, '401');
  assert.deepEqual(body, { detail: 'Not authenticated' });
  await page.screenshot({ path: join(OUT_DIR, 'ex1-api-key-unauthorized.png'), fullPage: true });
});

scenario('ex1 (api_key) Authorize with the API key, then GET /secure-data is 200', async (context, problems) => {
  const page = await openPage(context, `${EX1_URL}/docs`, problems);
  const dialog = await openAuthorize(page);
  await dialog.getByText('APIKeyHeader (apiKey)').waitFor();
  await dialog.locator('.auth-container input[type="text"]').fill('secret-key');
  // Swagger UI labels its buttons for screen readers: "Authorize" is "Apply credentials",
  // "Logout" is "Remove authorization".
  await dialog.getByRole('button', { name: 'Apply credentials' }).click();
  await dialog.getByRole('button', { name: 'Remove authorization' }).waitFor();
  await page.screenshot({ path: join(OUT_DIR, 'ex1-api-key-authorized.png') });
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });

  const { sent, status, body } = await tryItOut(page, 'secure_data_secure_data_get', '/secure-data');
  assert.equal(sent.headers()['x-api-key'], 'secret-key', 'the key the dialog took');
  assert.equal(status, '200');
  assert.deepEqual(body, { message: 'Access granted', api_key: 'secret-key' });
  await page.screenshot({ path: join(OUT_DIR, 'ex1-api-key-200.png'), fullPage: true });
});

scenario('ex2 (oauth2_password) Authorize through the password flow, then GET /users/me is 200', async (context, problems) => {
  const page = await openPage(context, `${EX2_URL}/docs`, problems);
  const dialog = await openAuthorize(page);
  await dialog.getByText('OAuth2PasswordBearer (OAuth2, password)').waitFor();
  await dialog.locator('#oauth_username').fill('johndoe');
  await dialog.locator('#oauth_password').fill('secret');
  const [tokenRequest, tokenResponse] = await Promise.all([
    page.waitForRequest((request) => new URL(request.url()).pathname === '/token'),
    page.waitForResponse((response) => new URL(response.url()).pathname === '/token'),
    dialog.getByRole('button', { name: 'Apply given OAuth2 credentials' }).click(),
  ]);
  assert.equal(tokenRequest.method(), 'POST');
  const form = new URLSearchParams(tokenRequest.postData() ?? '');
  assert.equal(form.get('grant_type'), 'password');
  assert.equal(form.get('username'), 'johndoe');
  assert.equal(form.get('password'), 'secret');
  assert.equal(tokenResponse.status(), 200);
  assert.deepEqual(await tokenResponse.json(), { access_token: 'fake-token', token_type: 'bearer' });
  await dialog.getByRole('button', { name: 'Remove authorization' }).waitFor();
  await dialog.getByText('Authorized', { exact: true }).first().waitFor();
  await page.screenshot({ path: join(OUT_DIR, 'ex2-oauth2-password-authorized.png') });
  await dialog.getByRole('button', { name: 'Close', exact: true }).click();
  await dialog.waitFor({ state: 'detached' });

  const { sent, status, body } = await tryItOut(page, 'read_users_me_users_me_get', '/users/me');
  assert.equal(sent.headers()['authorization'], 'Bearer fake-token', 'the token from /token');
  assert.equal(status, '200');
  assert.deepEqual(body, { username: 'john.doe' });
  await page.screenshot({ path: join(OUT_DIR, 'ex2-oauth2-password-200.png'), fullPage: true });
});

// --- runner --------------------------------------------------------------------------------

mkdirSync(OUT_DIR, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'secured-chromium-'));
let passed = 0;
let failed = 0;
let context;
try {
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  for (const { name, run } of scenarios) {
    const problems = { leaks: [], errors: [] };
    const started = Date.now();
    try {
      await run(context, problems);
      assert.deepEqual(problems.leaks, [], 'requests that would have left loopback');
      assert.deepEqual(problems.errors, [], 'uncaught errors in the page');
      passed += 1;
      console.log(`ok   ${name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed += 1;
      console.log(`FAIL ${name}: ${error.message}`);
      const page = context.pages().at(-1);
      const shot = join(OUT_DIR, `FAILED-${passed + failed}.png`);
      await page?.screenshot({ path: shot, fullPage: true }).catch(() => {});
      console.log(`     the page as it was: ${shot}`);
    } finally {
      for (const page of context.pages()) {
        await page.close();
      }
    }
  }
} catch (error) {
  failed += 1;
  console.log(`FAIL Chromium (${CHROMIUM}): ${error.message}`);
} finally {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
}
console.log(`screenshots in ${OUT_DIR}`);
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
