// End-to-end test of the browser build in Debian's headless Chromium (playwright-core, never a
// downloaded browser). Serves the bundle on 127.0.0.1, loads it, checks the console for panics
// and errors, plays a whole game from the title to the questionnaire, reloads and checks that
// the answers and the session log are still kept. Writes screenshots, the browser's session log
// (for the desktop replay in test.sh) and timings into OUT.
// Usage: node web/test.mjs DIST OUT     (PLAYWRIGHT_DIR: where playwright-core is installed)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const [dist, out] = process.argv.slice(2);
if (!dist || !out) throw new Error('usage: node web/test.mjs DIST OUT');
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
  if (!file.startsWith(path.resolve(dist)) || !fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
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
const sleep = ms => new Promise(r => setTimeout(r, ms));
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
const stored = () => page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
  .filter(k => k.startsWith('glassbank:')).map(k => [k, localStorage.getItem(k)])));
// Where the controls are in a 1280x720 window, read off the screenshots (egui draws into the
// canvas: there is no DOM to query). A layout change moves them: look at the screenshots.
const at = {
  play: [640, 446],
  questionnaire: [497, 43],
  consent: [80, 190],
  answer: [60, 250],
  save: [80, 330],
};
/** Clicks a point of the window. */
async function click(x, y) { await page.mouse.click(x, y); await sleep(300); }

try {
  // 1. Load: the title screen, timed from navigation to the first frame of the game.
  await page.goto(base, { waitUntil: 'load' });
  await screen('Title', 120000);
  report.first_frame_ms = Math.round(await page.evaluate(() => window.glassbankReadyAt));
  report.bytes_transferred = served;
  await screenshot('title');

  // 2. A real click on "Play", then the keyboard through the scenario and the seats.
  await click(...at.play);
  await screen('Choice');
  await screenshot('choice');
  await key('Enter');
  await screen('Seats');
  await screenshot('seats');
  await key('Enter');
  await screen('Turn');
  await screenshot('first-month');

  // 3. The whole game (one_town, 24 months): end each month with Ctrl+Enter.
  for (let month = 1; month <= 24; month++) {
    await key('Control+Enter');
    const now = await page.evaluate(() => window.glassbankScreen);
    if (now === 'Debrief') break;
  }
  await screen('Debrief');
  await screenshot('debrief');
  const afterGame = await stored();
  const logKey = Object.keys(afterGame).find(k => k.includes('/sessions/') && k.endsWith('.json'));
  if (!logKey) throw new Error('no session log kept in the browser');
  fs.writeFileSync(path.join(out, 'browser-session.json'), afterGame[logKey]);

  // 4. The questionnaire: open it, agree, answer the first question, save.
  await click(...at.questionnaire);
  await screenshot('questionnaire');
  await click(...at.consent);
  await screenshot('consent');
  await click(...at.answer);
  await click(...at.save);
  await screenshot('answers-saved');
  const afterSave = await stored();
  const feedback = Object.entries(afterSave).filter(([k]) => k.includes('feedback.jsonl|'));
  report.answers_saved = feedback.map(([, v]) => v.trim().split('\n').length).reduce((a, b) => a + b, 0);

  // 5. Reload: the answers and the saved game are still there.
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
