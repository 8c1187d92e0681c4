// End-to-end test of the browser build in Debian's headless Chromium (playwright-core, never a
// downloaded browser). Serves the bundle on 127.0.0.1, loads it, checks the console for panics
// and errors, opens a scenario file from disk and plays it from the title to the questionnaire
// (real clicks on controls the game's test hook places by label, keys, and presses by label,
// never a coordinate read off a screenshot nor a retry), reloads and checks that
// the answers and the session log are still kept; a full storage gives a message and loses
// nothing. Writes screenshots, the browser's session log
// (for the desktop replay in test.sh) and timings into OUT.
// Usage: node web/test.mjs DIST OUT     (PLAYWRIGHT_DIR: where playwright-core is installed)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { press as pressOn, sleep } from './harness.mjs';

const [distArg, out] = process.argv.slice(2);
if (!distArg || !out) throw new Error('usage: node web/test.mjs DIST OUT');
const dist = path.resolve(distArg);
fs.mkdirSync(out, { recursive: true });
const require = createRequire(path.join(process.env.PLAYWRIGHT_DIR || '.', 'node_modules') + '/');
const { chromium } = require('playwright-core');

// A static server that sends the precompressed module, as a workshop's server would.
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json' };
let served = 0;
const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  let file = path.join(dist, decodeURIComponent(url.pathname));
  if (file.endsWith('/')) file += 'index.html';
  if (!file.startsWith(dist) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
  const headers = { 'Content-Type': types[path.extname(file)] || 'application/octet-stream', 'Cache-Control': 'no-cache' };
  const accepts = req.headers['accept-encoding'] || '';
  if (accepts.includes('br') && fs.existsSync(file + '.br')) { file += '.br'; headers['Content-Encoding'] = 'br'; }
  else if (accepts.includes('gzip') && fs.existsSync(file + '.gz')) { file += '.gz'; headers['Content-Encoding'] = 'gzip'; }
  const body = fs.readFileSync(file);
  served += body.length;
  headers['Content-Length'] = body.length;
  res.writeHead(200, headers);
  res.end(body);
});
await new Promise(r => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;

const userData = fs.mkdtempSync('/tmp/glassbank-chromium-');
const browser = await chromium.launchPersistentContext(userData, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  viewport: { width: 1280, height: 720 },
  args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic',
    '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = browser.pages()[0] || await browser.newPage();
const problems = [];
const consoleLines = [];
page.on('console', m => {
  consoleLines.push(`${m.type()}: ${m.text()}`);
  if (m.type() === 'error' || m.text().includes('panicked')) problems.push(m.text());
});
page.on('pageerror', e => {
  if (!String(e).includes('Using exceptions for control flow')) problems.push(String(e));
});

const report = {};
let shot = 0;
async function screenshot(name) {
  shot += 1;
  await page.screenshot({ path: path.join(out, `${String(shot).padStart(2, '0')}-${name}.png`) });
}
async function screen(name, timeout = 30000) {
  await page.waitForFunction(n => window.glassbankScreen === n || window.glassbankFailed, name, { timeout });
  const failed = await page.evaluate(() => window.glassbankFailed);
  if (failed) throw new Error(`the page says the game failed: ${failed}`);
  await sleep(400); // let a few frames draw
}
async function key(k, times = 1) {
  for (let i = 0; i < times; i++) { await page.keyboard.press(k); await sleep(150); }
}
const logged = text => consoleLines.some(l => l.includes(text));
const stored = () => page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
  .filter(k => k.startsWith('glassbank:')).map(k => [k, localStorage.getItem(k)])));
// egui draws into the canvas: there is no DOM to query. The game's test hook lists the controls
// it drew, by label, with where each is (`window.glassbankControls`), and presses the one a test
// names (`window.glassbankPress`).
/** Waits until the game draws a control with this label; where it is, in CSS pixels. */
async function control(label) {
  await page.waitForFunction(l => (window.glassbankLabels || []).includes(l), label, { timeout: 30000 })
    .catch(() => { throw new Error(`no control "${label}" on screen`); });
  return page.evaluate(l => window.glassbankControls[l], label);
}
/** A real mouse click in the middle of a control found by its label. */
async function click(label) {
  const [x, y, w, h] = await control(label);
  // Pressed over a few frames: a software-rendered frame can take longer than a quick click.
  await page.mouse.move(x + w / 2, y + h / 2);
  await sleep(150);
  await page.mouse.down();
  await sleep(150);
  await page.mouse.up();
  await sleep(400);
}
/** Presses a control by its label through the hook (as the room's tests do), once the game
 * draws it. */
async function press(label) {
  await pressOn({ name: 'the player', page }, label);
  await sleep(300); // the frames that carry out what was pressed
}
/** Waits until the game has written a line to the console. */
async function until(text, ms = 10000) {
  const start = Date.now();
  while (!logged(text)) {
    if (Date.now() - start > ms) throw new Error(`the game never said "${text}"`);
    await sleep(100);
  }
}

try {
  // 1. Load: the title screen, timed from navigation to the first frame of the game.
  await page.goto(base, { waitUntil: 'load' });
  await screen('Title', 120000);
  report.first_frame_ms = Math.round(await page.evaluate(() => window.glassbankReadyAt));
  report.bytes_transferred = served;
  await screenshot('title');

  // 2. A real click on "Play", then the keyboard through the scenario and the seats.
  await click('Play');
  await screen('Choice');
  await screenshot('choice');

  // 3. The player opens a scenario file of their own: one_town cut to six months.
  const own = path.join(out, 'short_town.ron');
  const shipped = fs.readFileSync(new URL('../scenarios/one_town.ron', import.meta.url), 'utf8');
  fs.writeFileSync(own, shipped.replace('id: "one_town"', 'id: "short_town"').replace('turns: 24', 'turns: 6'));
  const [chooser] = await Promise.all([
    page.waitForEvent('filechooser', { timeout: 10000 }),
    click('Open a scenario file…'), // a real click: a file chooser needs the user's gesture
  ]);
  await chooser.setFiles(own);
  await page.waitForFunction(() => window.glassbankOpened === undefined, null, { timeout: 10000 });
  await sleep(500);
  await screenshot('own-scenario');
  await key('Enter');
  await screen('Seats');
  await screenshot('seats');
  await key('Enter');
  await screen('Turn');
  await screenshot('first-month');

  // 4. The whole game (six months): the first month ended with Ctrl+Enter, the five others
  // with "Done for this month"; then the debrief, with no press to spare. Ctrl is held over
  // frames the page drew, not for a time: the game reads a key's modifiers as they stand at
  // the end of the frame that got it (bevy_egui), and a software-rendered frame can outlast
  // any fixed pause; Ctrl let go in the same frame would turn the shortcut into a plain
  // Enter, which the first month's guide takes.
  const drawn = n => page.evaluate(async count => {
    for (let i = 0; i < count; i++) await new Promise(r => requestAnimationFrame(() => r()));
  }, n);
  await page.keyboard.down('Control');
  await drawn(2);
  await page.keyboard.press('Enter');
  await drawn(2);
  await page.keyboard.up('Control');
  await sleep(600);
  for (let month = 2; month <= 6; month++) await press('Done for this month');
  await screen('Debrief', 10000);
  await screenshot('debrief');
  const afterGame = await stored();
  const logKey = Object.keys(afterGame).find(k => k.includes('/sessions/') && k.endsWith('.json'));
  if (!logKey) throw new Error('no session log kept in the browser');
  if (!afterGame[logKey].includes('"short_town"')) throw new Error('the game did not play the opened scenario');
  fs.writeFileSync(path.join(out, 'browser-session.json'), afterGame[logKey]);

  // 5. The questionnaire: open it, agree, answer a question, save (the game logs the save).
  await press('Questionnaire');
  await screenshot('questionnaire');
  await press('I agree, record my answers');
  await screenshot('consent');
  await press('understood_margin: 4');
  await press('Save my answers');
  await until('answers saved');
  await screenshot('answers-saved');
  const afterSave = await stored();
  const feedback = Object.entries(afterSave).filter(([k]) => k.includes('feedback.jsonl|'));
  report.answers_saved = feedback.map(([, v]) => v.trim().split('\n').length).reduce((a, b) => a + b, 0);

  // 6. A full storage: the next player's answers get a message, nothing kept is lost.
  await press('Next player');
  const filled = await page.evaluate(() => {
    let n = 0;
    for (const size of [1 << 20, 1 << 16, 1 << 10, 64]) {
      try { for (;;) { localStorage.setItem(`filler-${n++}`, 'x'.repeat(size)); } } catch (_) { /* full */ }
    }
    return n;
  });
  await press('I agree, record my answers');
  await press('understood_margin: 2');
  await press('Save my answers');
  await until('answers not saved');
  await screenshot('storage-full');
  if (!logged('storage for this page is full')) throw new Error('no message when the storage was full');
  const whenFull = await stored();
  const partsWhenFull = Object.keys(whenFull).filter(k => k.includes('feedback.jsonl|')).length;
  if (partsWhenFull !== feedback.length) throw new Error('a save into a full storage changed the kept answers');
  for (const [k, v] of feedback) if (whenFull[k] !== v) throw new Error(`${k} changed when the storage was full`);
  report.storage_full_fillers = filled;
  await page.evaluate(() => Object.keys(localStorage).filter(k => k.startsWith('filler-'))
    .forEach(k => localStorage.removeItem(k)));

  // 7. Reload: the answers and the saved game are still there.
  await page.reload({ waitUntil: 'load' });
  await screen('Title', 120000);
  report.first_frame_after_reload_ms = Math.round(await page.evaluate(() => window.glassbankReadyAt));
  await screenshot('title-after-reload');
  const afterReload = await stored();
  for (const [k, v] of feedback) {
    if (afterReload[k] !== v) throw new Error(`${k} was not kept across the reload`);
  }
  if (afterReload[logKey] !== afterGame[logKey]) throw new Error('the session log was not kept across the reload');
  if (report.answers_saved < 1) throw new Error('no answer was saved (see the questionnaire screenshots)');
} catch (e) {
  problems.push(`step failed: ${e.message}`);
  await screenshot('failure').catch(() => {});
} finally {
  fs.writeFileSync(path.join(out, 'console.txt'), consoleLines.join('\n') + '\n');
  report.problems = problems;
  fs.writeFileSync(path.join(out, 'report.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(JSON.stringify(report, null, 2));
  await browser.close();
  server.close();
  fs.rmSync(userData, { recursive: true, force: true });
}
process.exit(problems.length ? 1 : 0);
