// The web interface in Debian's headless chromium against the real server and a generated library.
// Chromium missing = failure, not a skip: `.ci/run` installs it (apt-get install -y chromium).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { MOVIES, TARGET, generateLibrary, startServer } from './server.mjs';

const CHROMIUM = process.env.OMNILUX_E2E_CHROMIUM || '/usr/bin/chromium';
const ADMIN_PASSWORD = 'e2e-admin-Secret-1';
const SHOTS = join(TARGET, 'screenshots');
const LIBRARY = join(TARGET, 'e2e-library', 'movies');
const HOSTILE = MOVIES.find((m) => m.hostile);

let server;
let context;
let page;
let userDataDir;
const dialogs = [];
const pageErrors = [];
const consoleErrors = [];

/** Every form control on the page has an accessible name (a <label for>, or aria-label). */
async function assertLabelled() {
  const unlabelled = await page.locator('input, select, textarea').evaluateAll((els) =>
    els.filter((e) => !(e.labels && e.labels.length) && !e.getAttribute('aria-label')).map((e) => e.outerHTML));
  assert.deepEqual(unlabelled, [], 'form controls without a label');
}

const shot = (name) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

describe('the OmniLux web interface', () => {
  before(async () => {
    assert.ok(existsSync(CHROMIUM), `chromium is not installed at ${CHROMIUM}: apt-get install -y chromium`);
    await mkdir(SHOTS, { recursive: true });
    const [started] = await Promise.all([startServer({ adminPassword: ADMIN_PASSWORD }), generateLibrary(LIBRARY)]);
    server = started;
    userDataDir = await mkdtemp(join(TARGET, 'chromium-profile-'));
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
      baseURL: server.base,
    });
    context.setDefaultTimeout(15_000);
    page = context.pages()[0] || (await context.newPage());
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      dialog.dismiss().catch(() => {});
    });
    page.on('pageerror', (error) => pageErrors.push(String(error)));
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  });

  after(async () => {
    await context?.close().catch(() => {});
    if (userDataDir) await rm(userDataDir, { recursive: true, force: true }).catch(() => {});
    if (server) {
      const exit = await server.stop();
      console.log(`server stopped: ${JSON.stringify(exit)}`);
    }
  });

  test('/ redirects to the interface, which asks to log in', async () => {
    const response = await page.goto('/');
    assert.equal(new URL(page.url()).pathname, '/ui/');
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-security-policy'] || '', /script-src 'self'/);
    await page.getByLabel('User name').waitFor();
    await assertLabelled();
    await shot('01-login');
  });

  test('a wrong password is refused with a message; the right one logs in', async () => {
    await page.getByLabel('User name').fill('admin');
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Wrong user name or password' }).waitFor();
    await page.getByLabel('Password').fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'Library' }).waitFor();
    const stored = await page.evaluate(() => sessionStorage.getItem('omnilux.session'));
    assert.ok(JSON.parse(stored).token, 'the token is kept in sessionStorage');
    assert.ok(!page.url().includes(JSON.parse(stored).token), 'the token is not in the URL');
  });

  test('adding a root shows the API validation message, then adds a real folder', async () => {
    await page.getByRole('link', { name: 'Roots & scans' }).click();
    await page.getByRole('heading', { name: 'Add a root' }).waitFor();
    await page.getByLabel('Folder path on the server').fill('/no/such/folder/anywhere');
    await page.getByLabel('Media type').selectOption('movie');
    await page.getByRole('button', { name: 'Add root' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    assert.match(await alert.innerText(), /path|director|exist/i);
    await page.getByLabel('Folder path on the server').fill(LIBRARY);
    await page.getByLabel(/^Name/).fill('E2E Movies');
    await page.getByRole('button', { name: 'Add root' }).click();
    await page.getByRole('cell', { name: 'E2E Movies', exact: true }).waitFor();
    await page.getByRole('cell', { name: LIBRARY }).waitFor();
    await assertLabelled();
  });

  test('a scan shows its progress live until it completes', async () => {
    await page.getByRole('button', { name: 'Scan E2E Movies' }).click();
    const progress = page.getByTestId('scan-progress');
    await progress.waitFor();
    await progress.getByText('Status: completed').waitFor({ timeout: 60_000 });
    const added = await progress.locator('[data-counter="added"] dd').innerText();
    assert.equal(Number(added), MOVIES.length);
    assert.equal(Number(await progress.locator('[data-counter="failed"] dd').innerText()), 0);
    // the roots table is refreshed with the new counts
    await page.getByRole('row', { name: /E2E Movies/ }).getByRole('cell', { name: String(MOVIES.length), exact: true }).waitFor();
    await shot('02-roots-scan-completed');
  });

  test('the library grid shows every movie with title and year', async () => {
    await page.getByRole('link', { name: 'Library' }).first().click();
    await page.getByText(`${MOVIES.length} files`).waitFor();
    const tiles = page.locator('.grid .tile');
    assert.equal(await tiles.count(), MOVIES.length);
    for (const movie of MOVIES) {
      const tile = tiles.filter({ hasText: movie.title });
      assert.equal(await tile.count(), 1, `a tile for ${movie.title}`);
      assert.match(await tile.innerText(), new RegExp(String(movie.year)));
    }
    // the poster is loaded with the token as access_token (an <img> cannot send a header)
    const poster = tiles.filter({ hasText: 'The Test Movie' }).locator('img');
    await poster.waitFor();
    assert.match(await poster.getAttribute('src'), /access_token=/);
    await page.waitForFunction(() => {
      const img = [...document.querySelectorAll('.grid img')][0];
      return img && img.complete && img.naturalWidth > 0;
    });
    // sorted by title (the default): case-insensitive ascending
    const titles = await page.locator('.tile-title').allInnerTexts();
    assert.deepEqual(titles, [...titles].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    await assertLabelled();
    // keyboard: the skip link is the first stop, and Tab walks the filters in reading order
    assert.equal(await page.evaluate(() => document.querySelector('a[href], button, input, select').textContent.trim()), 'Skip to content');
    await page.getByLabel('Search').focus();
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'filter-type');
    await shot('03-library-grid');
  });

  test('the title with markup shows as text and runs nothing', async () => {
    const tile = page.locator('.grid .tile').filter({ hasText: HOSTILE.title });
    assert.equal(await tile.locator('.tile-title').innerText(), HOSTILE.title);
    assert.equal(await page.locator('img[src="x"]').count(), 0, 'no <img src=x> element was created');
    assert.deepEqual(dialogs, [], 'no dialog fired');
  });

  test('sorting by year descending, then the dense table view with technical columns', async () => {
    await page.getByLabel('Sort by').selectOption('year');
    await page.getByLabel('Order').selectOption('desc');
    await page.waitForFunction(() => document.querySelector('.tile-title')?.textContent === 'Zebra Crossing');
    await page.getByRole('button', { name: 'Table' }).click();
    const table = page.locator('table.files');
    await table.waitFor();
    const headers = await table.locator('thead th').allInnerTexts();
    for (const column of ['Title', 'Year', 'Codec', 'Resolution', 'HDR', 'Container', 'Size', 'Duration']) {
      assert.ok(headers.some((h) => h.startsWith(column)), `column ${column} in ${headers}`);
    }
    const firstRow = table.locator('tbody tr').first();
    assert.match(await firstRow.innerText(), /Zebra Crossing[\s\S]*2021[\s\S]*h264[\s\S]*240p[\s\S]*mkv/);
    // sorting from the header: title ascending
    await table.getByRole('button', { name: /^Title/ }).click();
    await table.locator('th[aria-sort="ascending"]').filter({ hasText: 'Title' }).waitFor();
    await page.waitForFunction(() => document.querySelector('table.files tbody tr td.num')?.textContent !== '2021');
    const titles = await table.locator('tbody td.title-cell').allInnerTexts();
    assert.ok(titles.indexOf('Another Film') < titles.indexOf('The Test Movie'), `title order: ${titles}`);
    assert.ok(titles.indexOf('The Test Movie') < titles.indexOf('Zebra Crossing'), `title order: ${titles}`);
    await shot('04-library-table');
  });

  test('search as you type narrows the list; filters and paging are in the URL, not the token', async () => {
    const search = page.getByLabel('Search');
    await search.pressSequentially('anoth', { delay: 30 });
    await page.getByText('1 file', { exact: true }).waitFor();
    assert.equal(await page.locator('table.files tbody tr').count(), 1);
    assert.match(page.url(), /q=anoth/);
    await search.fill('');
    await page.getByText(`${MOVIES.length} files`).waitFor();
    await page.getByLabel('Media type').selectOption('movie');
    await page.getByLabel('Per page').selectOption('24');
    await page.getByText(`${MOVIES.length} files`).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Next ›' }).isDisabled(), true);
    await page.getByRole('button', { name: 'Grid' }).click();
  });

  test('a file shows its metadata, tracks, external subtitles and cover', async () => {
    // opened from the keyboard
    await page.locator('.grid .tile').filter({ hasText: 'The Test Movie' }).getByRole('link').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'The Test Movie', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Video' }).waitFor();
    const video = page.getByRole('table', { name: 'Video tracks' });
    assert.match(await video.innerText(), /h264[\s\S]*320[\s\S]*240/);
    assert.match(await page.getByRole('table', { name: 'Audio tracks' }).innerText(), /aac/);
    const external = page.getByRole('table', { name: 'External subtitle files' });
    assert.match(await external.innerText(), /\.srt[\s\S]*(eng|en)/);
    assert.ok(await page.locator('img.cover').count() === 1, 'the cover is shown');
    await shot('05-file-detail');
  });

  test('an admin edits the title, sees it locked, and unlocks it', async () => {
    await page.getByRole('button', { name: 'Edit metadata' }).click();
    const title = page.getByLabel('Title', { exact: true });
    await title.waitFor();
    await assertLabelled();
    await title.fill('The Edited Movie');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'The Edited Movie', level: 1 }).waitFor();
    const titleFact = page.locator('.fact[data-field="title"]');
    await titleFact.getByText('locked').waitFor();
    assert.equal(await page.locator('.fact.locked').count(), 1, 'only the changed field is locked');
    await shot('06-file-edited-locked');
    await titleFact.getByRole('button', { name: 'Unlock Title' }).click();
    await page.getByText('Title is unlocked').waitFor();
    await page.locator('.fact.locked').first().waitFor({ state: 'detached' });
    // the edited value stays; only the lock is gone
    await page.getByRole('heading', { name: 'The Edited Movie', level: 1 }).waitFor();
  });

  test('the hostile title stays text on its own page too', async () => {
    await page.getByRole('link', { name: '← Library' }).click();
    await page.getByLabel('Search').fill('onerror');
    const tile = page.locator('.grid .tile').filter({ hasText: HOSTILE.title });
    await tile.waitFor();
    await tile.getByRole('link').click();
    await page.getByRole('heading', { level: 1 }).filter({ hasText: HOSTILE.title }).waitFor();
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), HOSTILE.title);
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    assert.deepEqual(dialogs, []);
  });

  test('statistics are drawn as charts', async () => {
    await page.getByRole('link', { name: 'Statistics' }).click();
    const codecChart = page.locator('svg[data-chart="by-codec"]');
    await codecChart.waitFor();
    assert.ok((await codecChart.locator('rect').count()) >= 1, 'bars in the codec chart');
    assert.match(await codecChart.getAttribute('aria-label'), /h264 4/);
    assert.equal(await page.locator('svg[data-chart="size-by-type"] rect').count(), 1);
    assert.equal(await page.locator('svg[data-chart="by-resolution"] rect').count(), 1);
    await shot('07-stats');
  });

  test('plugins are listed with their state and follow the bundles folder without a reload', async () => {
    await page.getByRole('link', { name: 'Plugins' }).click();
    const row = page.getByRole('row').filter({ hasText: 'movie' });
    await row.waitFor();
    await shot('08-plugins');
    await page.evaluate(() => {
      window.e2eSamePage = true;
    });
    const jar = join(server.bundlesDir, 'omnilux-scanner-movie-0.1.0-SNAPSHOT.jar');
    const parked = join(server.runDir, 'parked-scanner-movie.jar');
    await rename(jar, parked);
    await row.waitFor({ state: 'detached', timeout: 20_000 });
    await rename(parked, jar);
    await row.waitFor({ timeout: 20_000 });
    assert.equal(await page.evaluate(() => window.e2eSamePage), true, 'the page was not reloaded');
  });

  test('an admin adds and removes a user', async () => {
    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByLabel('User name').fill('viewer');
    await page.getByLabel('Password').fill('viewer-Secret-1');
    await page.getByRole('button', { name: 'Add user' }).click();
    const row = page.getByRole('row').filter({ hasText: 'viewer' });
    await row.waitFor();
    await row.getByRole('button', { name: 'Delete' }).click();
    await row.getByRole('button', { name: 'Yes, delete' }).click();
    await row.waitFor({ state: 'detached' });
  });

  test('logging out forgets the token and the server revokes it', async () => {
    const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('omnilux.session')).token);
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('omnilux.session')), null);
    const response = await fetch(`${server.base}/api/library/files`, { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(response.status, 401);
  });

  test('nothing went wrong in the page', () => {
    assert.deepEqual(dialogs, [], 'no dialogs');
    assert.deepEqual(pageErrors, [], 'no uncaught errors');
    // expected: the refused login (401) and the refused root (400) that the tests provoke on purpose
    const unexpected = consoleErrors.filter((m) => !/status of (400|401)/.test(m));
    assert.deepEqual(unexpected, [], 'no console errors (CSP violations included)');
  });
});
