// End-to-end test of a networked workshop in Debian's headless Chromium: `glassbank serve`
// serves the bundle and runs the room; two pages (two browser contexts: two people's storage)
// open the links the facilitator hands out, one as Bank A's retail banker and one as a
// household on a phone-sized touch screen; the banker answers the quiz and the household skips it; the facilitator gives the
// other seats to bots on the server's console; both play a month; the household's tab is
// reloaded and gets its seat back. Controls are pressed by their labels through the game's test
// hook (`window.glassbankPress`, `window.glassbankLabels`), never by coordinates. Reading
// the WebSocket frames each page received checks that the household never got a bank's profit
// while the banker got its own.
// Usage: node web/room.mjs GLASSBANK DIST OUT   (PLAYWRIGHT_DIR: where playwright-core is)
import fs from 'node:fs';
import path from 'node:path';
import { finish, launch, press, serve, sleep } from './harness.mjs';

const [binary, dist, out] = process.argv.slice(2);
if (!binary || !dist || !out) throw new Error('usage: node web/room.mjs GLASSBANK DIST OUT');
fs.mkdirSync(out, { recursive: true });

// The facilitator's room, on this machine only, with its files in OUT.
const room = await serve(binary, ['--lang', 'en', '--new', '--bind', '127.0.0.1',
  '--port', '0', '--web', dist, '--room', path.join(out, 'room.json')], out);
const { server, output, match: url } = room;
const browser = await launch();
const report = { url };
const problems = [];

/** One person's page: its console and every message the room sent it. */
async function person(name, seat, phone) {
  // The household plays on a phone: 390x844, touch. At a device pixel ratio of 1: headless
  // Chromium's emulated ratio leaves the canvas's device-pixel size (ResizeObserver's
  // devicePixelContentBoxSize) in CSS pixels, so the game would see a screen half as wide as a
  // real phone's (measured: a page 390 pixels wide was 195 points wide to the game).
  const context = await browser.newContext(phone
    ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 }
    : { viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const frames = [];
  page.on('console', m => {
    if (m.type() === 'error' || m.text().includes('panicked')) problems.push(`${name}: ${m.text()}`);
  });
  page.on('pageerror', e => {
    if (!String(e).includes('Using exceptions for control flow')) problems.push(`${name}: ${e}`);
  });
  // How the server sent the game's module (brotli or gzip from the precompressed files).
  page.on('response', r => {
    if (r.url().endsWith('.wasm')) report.wasm_encoding = r.headers()['content-encoding'] || 'none';
  });
  page.on('websocket', ws => ws.on('framereceived', f => frames.push({ ...JSON.parse(f.payload), at: Date.now(), bytes: f.payload.length })));
  const opened = Date.now();
  await page.goto(`${url}&seat=${seat}`, { waitUntil: 'load' });
  const loaded = Date.now() - opened;
  await page.waitForFunction(() => window.glassbankScreen === 'Remote' || window.glassbankFailed,
    null, { timeout: 120000 });
  // Milliseconds to the page's load and to the game's room screen (the first view: below).
  const times = { loaded, playing: Date.now() - opened };
  return { name, page, frames, opened, times };
}


/** Waits until a page has received the view of month `turn`. */
async function view(p, turn) {
  const start = Date.now();
  while (!p.frames.some(f => f.type === 'view' && f.turn === turn)) {
    if (Date.now() - start > 60000) throw new Error(`${p.name} never saw month ${turn}`);
    await sleep(100);
  }
  return p.frames.filter(f => f.type === 'view' && f.turn === turn).at(-1);
}

try {
  const banker = await person('banker', 'retail-0');
  const household = await person('household', 'client-0', true);
  const bankerView = await view(banker, 1);
  const householdView = await view(household, 1);
  // Each page alone: to the load event, to the game's room screen, to the month's first view.
  for (const p of [banker, household]) {
    p.times.view = p.frames.find(f => f.type === 'view').at - p.opened;
  }
  report.page_ms = { banker: banker.times, household: household.times };
  // Before the first month, the quiz: the banker answers it (the second option of each
  // question) with consent, the household skips it. The correct answers never reach a page.
  const quiz = bankerView.quiz;
  if (!quiz || !quiz.questions.length) throw new Error('the banker was not asked the quiz');
  if (JSON.stringify(quiz).includes('"answer"')) throw new Error('the quiz\'s answers reached a page');
  await sleep(1000);
  await banker.page.screenshot({ path: path.join(out, '00-banker-quiz.png') });
  for (const q of quiz.questions) await press(banker, q.options[1].en);
  await press(banker, 'I agree that my answers are kept, with the seat I played (never my name)');
  await press(banker, 'Send my answers');
  await household.page.screenshot({ path: path.join(out, '00-household-quiz-phone.png') });
  await press(household, 'Skip the quiz');
  await sleep(1500); // a few frames drawn
  await banker.page.screenshot({ path: path.join(out, '01-banker-month-1.png') });
  await household.page.screenshot({ path: path.join(out, '02-household-month-1.png') });
  if (bankerView.view.seat.RetailBanker !== 0) throw new Error('the banker has the banker\'s seat');
  if (householdView.view.seat.Client !== 0) throw new Error('the household has the household\'s seat');

  // The facilitator hands the seats nobody took to bots, on the server's console.
  // The console prints the table whenever it changes: the seats still free in the last one.
  const start = Date.now();
  const table = () => output().split(/^Month /m).at(-1);
  while ((table().match(/deciding/g) || []).length < 2) {
    if (Date.now() - start > 30000) throw new Error(`the console never showed both players:\n${output()}`);
    await sleep(100);
  }
  const free = [...table().matchAll(/^\s+(\S+:\S+)\s+free$/gm)].map(m => m[1]);
  for (const seat of free) server.stdin.write(`bot ${seat}\n`);
  report.bots = free;
  // Each plays the month from its own page: "Done for this month", pressed by its label.
  const committed = p => p.frames.some(f => f.type === 'committed' || (f.type === 'view' && (f.turn > 1 || f.committed)));
  for (const p of [banker, household]) {
    await press(p, 'Done for this month');
    const start = Date.now();
    while (!committed(p)) {
      if (Date.now() - start > 30000) throw new Error(`${p.name} could not say it was done for the month`);
      await sleep(100);
    }
  }
  await view(banker, 2);
  await view(household, 2);
  await sleep(1500);
  await banker.page.screenshot({ path: path.join(out, '03-banker-month-2.png') });
  await household.page.screenshot({ path: path.join(out, '04-household-month-2.png') });

  // A closed tab gets its seat back: the reloaded page rejoins with the seat's secret kept in
  // the browser's storage (the seat is taken, so a new claim would be refused) and sees month 2.
  const before = household.frames.length;
  await household.page.reload({ waitUntil: 'load' });
  await household.page.waitForFunction(() => window.glassbankScreen === 'Remote' || window.glassbankFailed,
    null, { timeout: 120000 });
  const again = Date.now();
  while (!household.frames.slice(before).some(f => f.type === 'view' && f.turn === 2)) {
    if (Date.now() - again > 60000) throw new Error('the reloaded page never got its seat back');
    await sleep(100);
  }
  const back = household.frames.slice(before).find(f => f.type === 'view');
  if (back.view.seat.Client !== 0) throw new Error('the reloaded page got another seat');
  report.refusals_after_reload = household.frames.slice(before).filter(f => f.type === 'refused').map(f => f.reason);
  await sleep(1500);
  await household.page.screenshot({ path: path.join(out, '05-household-reloaded.png') });

  // What each page received: the household never a bank's profit, the banker its own.
  const views = p => p.frames.filter(f => f.type === 'view');
  for (const f of views(household)) {
    for (const bank of f.view.banks) {
      if (bank.profit !== 'Hidden') throw new Error(`a bank's profit reached the household: ${JSON.stringify(bank.profit)}`);
    }
  }
  const own = views(banker).at(-1).view.banks[0].profit;
  if (own === 'Hidden') throw new Error('the banker does not see its own bank\'s profit');
  report.frames = { banker: banker.frames.length, household: household.frames.length };
  report.bytes = {
    banker: banker.frames.reduce((n, f) => n + f.bytes, 0),
    household: household.frames.reduce((n, f) => n + f.bytes, 0),
  };
  // The banker's quiz answers reached the facilitator's feedback log, marked; none of the
  // household's, who skipped it.
  const logs = [];
  const walk = dir => fs.existsSync(dir) && fs.readdirSync(dir, { withFileTypes: true }).forEach(e => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p); else if (e.name.endsWith('.jsonl')) logs.push(p);
  });
  walk(path.join(out, 'data'));
  const lines = logs.flatMap(f => fs.readFileSync(f, 'utf8').split('\n').filter(Boolean)).map(l => JSON.parse(l));
  // This room's lines only: OUT may hold the log of an earlier run.
  const code = url.match(/room=(\w+)/)[1];
  const quizLines = lines.filter(l => l.phase === 'before' && l.session === code);
  if (quizLines.length !== quiz.questions.length || quizLines.some(l => l.seat !== 'retail-0')) {
    throw new Error(`the quiz's answers in the log: ${JSON.stringify(quizLines)}`);
  }
  report.quiz_lines = quizLines.length;
  if (problems.length) throw new Error(`console problems:\n${problems.join('\n')}`);
  console.log(`room test passed: ${JSON.stringify(report)}`);
} finally {
  fs.writeFileSync(path.join(out, 'room-report.json'), JSON.stringify(report, null, 2));
  await finish(browser, room, out);
}
