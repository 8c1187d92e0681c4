// End-to-end test of a class in Debian's headless Chromium: `glassbank serve` runs three tables
// of card_fees (treatments opaque and glass, drawn from a seed) with a roster of three; one
// player joins with the room's code alone and is placed at the emptiest table, another with her
// personal link, placed at her table, and gets her seat on a second device; the facilitator's
// tablet (1180x820, touch), opened from the link with the room's secret, gives the empty seats
// to bots, stops and resumes a table, and plays the months at every table; its projector then
// shows the class debrief, in English and in French, and each tablet opens the class's report in
// a tab of its own by a touch (the page `glassbank report --room-code` writes from the files).
// Controls are pressed by their labels through the game's test hook (`window.glassbankPress`)
// and touched where its `window.glassbankControls` says, never by coordinates. The players'
// WebSocket frames are read to check that no player's page ever got the console or the class's
// figures.
// Usage: node web/class.mjs GLASSBANK DIST OUT   (PLAYWRIGHT_DIR: where playwright-core is)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { finish, launch, press, serve, sleep } from './harness.mjs';

const [binary, dist, out] = process.argv.slice(2);
if (!binary || !dist || !out) throw new Error('usage: node web/class.mjs GLASSBANK DIST OUT');
fs.mkdirSync(out, { recursive: true });

// The class's roster: each label gets a personal link, written beside the room's file.
fs.writeFileSync(path.join(out, 'roster.csv'), 'label\nAda\n"Lovelace, Grace"\nAlan\n');
fs.rmSync(path.join(out, 'room.links.csv'), { force: true });
// The feedback log of an earlier run would join this class's in the report.
fs.rmSync(path.join(out, 'data'), { recursive: true, force: true });
// The facilitator's tablet link comes with the room's secret after `#host=`.
const room = await serve(binary, ['scenarios/card_fees.ron', '--lang', 'en',
  '--new', '--bind', '127.0.0.1', '--port', '0', '--tables', '3', '--treatments', 'opaque,glass',
  '--seed', '11', '--seeds', '1..4', '--roster', path.join(out, 'roster.csv'),
  '--web', dist, '--room', path.join(out, 'room.json')], out, /http:\/\/\S+\?room=\w+#host=\w+/);
const tabletUrl = room.match;
const url = tabletUrl.split('#')[0];
const browser = await launch();
const report = { url };
const problems = [];

/** A page of its own (its own storage), with every message the room sent it. */
async function open(name, address, options) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const frames = [];
  page.on('console', m => {
    if (m.type() === 'error' || m.text().includes('panicked')) problems.push(`${name}: ${m.text()}`);
  });
  page.on('pageerror', e => {
    if (!String(e).includes('Using exceptions for control flow')) problems.push(`${name}: ${e}`);
  });
  page.on('websocket', ws => ws.on('framereceived', f => frames.push(JSON.parse(f.payload))));
  await page.goto(address, { waitUntil: 'load' });
  await page.waitForFunction(() => window.glassbankScreen === 'Remote' || window.glassbankFailed,
    null, { timeout: 120000 });
  return { name, page, frames };
}

async function until(what, test, ms = 60000) {
  const start = Date.now();
  while (!test()) {
    if (Date.now() - start > ms) throw new Error(`timed out: ${what}`);
    await sleep(100);
  }
}


const labels = p => p.page.evaluate(() => window.glassbankLabels || []);

/** Answers the quiz the page shows now (its options pressed by their labels), with consent. */
async function answerQuiz(p, phase) {
  await until(`${p.name}'s quiz ${phase}`, () => p.frames.some(f => f.type === 'view' && f.quiz && f.quiz.phase === phase));
  const quiz = p.frames.filter(f => f.type === 'view' && f.quiz && f.quiz.phase === phase).at(-1).quiz;
  for (const q of quiz.questions) await press(p, q.options[Math.min(p.choice, q.options.length - 1)].en);
  await sleep(500);
  await p.page.screenshot({ path: path.join(out, `quiz-${phase}-${p.name}.png`) });
  await press(p, 'I agree that my answers are kept, with the seat I played (never my name)');
  await press(p, 'Send my answers');
  await until(`${p.name}'s quiz ${phase} sent`, () => p.frames.filter(f => f.type === 'view').at(-1).quiz === null);
}
/** Waits until the page has drawn `n` more frames (the browser's animation frames, which
 * drive the game's loop; a page in the background gets none). */
async function frames(p, n) {
  for (let i = 0; i < n; i++) {
    await p.page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => resolve())));
  }
}

/** A finger on a control found by its label, resting there for one frame the page draws before
 * it lifts (Playwright's tap lifts it before the game sees it down, and a press and a lift in the
 * same frame are lost: bevy_egui tells egui the pointer is gone when a finger lifts): a real
 * touch, which is what lets a page open a tab or the on-screen keyboard. The time between the
 * page's pointerdown and pointerup is kept in the report (`touch_held_ms`): one frame of this
 * software renderer, over 0.4 s here, and the game takes a press as a click however long it is
 * held. A touch is made once: one the game did not take fails the test. */
async function touch(p, label) {
  await p.page.waitForFunction(l => (window.glassbankControls || {})[l], label, { timeout: 60000 })
    .catch(() => { throw new Error(`${p.name}: no control "${label}" on screen`); });
  // The page a finger touches is the one on the screen (one in the background draws no frames).
  await p.page.bringToFront();
  await frames(p, 2);
  const [x, y, w, h] = await p.page.evaluate(l => window.glassbankControls[l], label);
  await p.page.evaluate(() => {
    window.glassbankTouch = {};
    for (const kind of ['pointerdown', 'pointerup']) {
      document.addEventListener(kind, () => { window.glassbankTouch[kind] = performance.now(); },
        { capture: true, once: true });
    }
  });
  const finger = await p.page.context().newCDPSession(p.page);
  try {
    await finger.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: x + w / 2, y: y + h / 2 }] });
    await frames(p, 1);
    await finger.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  } finally {
    await finger.detach();
  }
  const held = await p.page.waitForFunction(() => window.glassbankTouch.pointerup !== undefined
    && [window.glassbankTouch.pointerup - (window.glassbankTouch.pointerdown ?? NaN)], null, { timeout: 5000 })
    .then(h => h.jsonValue()).then(([ms]) => ms, () => null);
  if (held === null || Number.isNaN(held)) throw new Error(`${p.name}: the touch on "${label}" did not reach the page`);
  (report.touch_held_ms = report.touch_held_ms || []).push(Math.round(held));
}

/** The class's report the tablet opens in a tab of its own, by a touch on its button: the
 * page's text, after a screenshot of it. */
async function reportFromTablet(p, label, shot) {
  const [tab] = await Promise.all([
    p.page.context().waitForEvent('page', { timeout: 30000 }).catch(async e => {
      await p.page.screenshot({ path: path.join(out, `failed-${shot}`) });
      throw e;
    }),
    touch(p, label),
  ]);
  await tab.waitForLoadState('load');
  await tab.setViewportSize({ width: 1200, height: 900 });
  await tab.screenshot({ path: path.join(out, shot), fullPage: true });
  const text = await tab.evaluate(() => document.body.innerText);
  const address = tab.url();
  await tab.close();
  if (address.includes(tabletUrl.split('#host=')[1])) throw new Error('the report\'s address carries the room\'s secret');
  return text;
}

const lastConsole = p => p.frames.filter(f => f.type === 'console').at(-1);
/** The class debrief as the page holds it: the last one sent whole, with the bots' progress
 * sent after it on its own (`class_bots`). */
const lastClass = p => {
  const at = p.frames.findLastIndex(f => f.type === 'class');
  if (at < 0) return undefined;
  const debrief = structuredClone(p.frames[at].debrief);
  for (const f of p.frames.slice(at + 1).filter(f => f.type === 'class_bots')) {
    debrief.bots_played = f.played;
    debrief.bots_games = f.games;
    debrief.lessons.forEach((l, i) => { l.bots = f.spreads ? f.spreads[i] ?? null : null; });
  }
  return { debrief };
};
/** The bytes of the facilitators' class messages a page got, whole and the bots' alone. */
const classBytes = p => Object.fromEntries(['class', 'class_bots'].map(type =>
  [type, p.frames.filter(f => f.type === type).reduce((n, f) => n + JSON.stringify(f).length, 0)]));
const seatCode = seat => {
  const [role, n] = Object.entries(seat)[0];
  return `${{ Client: 'client', RetailBanker: 'retail', BusinessBanker: 'business', Merchant: 'merchant' }[role]}-${n}`;
};

try {
  // A 10-inch tablet, by touch; at a device pixel ratio of 1, as in web/room.mjs (headless
  // Chromium's emulated ratio would halve the game's screen).
  // An Android tablet's browser: bevy_egui wires its on-screen keyboard's input to the game on
  // mobile browsers only, which it tells by their user agent.
  const android = 'Mozilla/5.0 (Linux; Android 14; SM-X210) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';
  const tabletOptions = { viewport: { width: 1180, height: 820 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1, userAgent: android };
  const tablet = await open('tablet', tabletUrl, tabletOptions);
  await until('the tablet\'s console', () => lastConsole(tablet)?.tables.length === 3);
  report.treatments = lastConsole(tablet).tables.map(t => t.treatment);

  // The roster's links: "label",table,link.
  const links = fs.readFileSync(path.join(out, 'room.links.csv'), 'utf8').trim().split('\n').slice(1)
    .map(line => line.match(/^"((?:[^"]|"")*)",(\d+),(\S+)$/)).map(m => ({ label: m[1], table: Number(m[2]) - 1, link: m[3] }));
  if (links.length !== 3 || links[1].label !== 'Lovelace, Grace') throw new Error(`the roster's links: ${JSON.stringify(links)}`);
  const ada = links[0];
  // Two players: the first with the room's code alone, placed at the emptiest table; the second
  // Ada, with her personal link, placed at the table the draw gave her. Each takes the first
  // seat offered and skips the quiz.
  const players = [];
  // Ada plays on a phone (390x844, touch; a pixel ratio of 1, see web/room.mjs).
  const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };
  for (const [name, address, device] of [['first', url, { viewport: { width: 1280, height: 720 } }], ['ada', ada.link, phone]]) {
    const p = await open(name, address, device);
    await until(`${name} placed at a table`, () => p.frames.some(f => f.type === 'joined'));
    p.table = p.frames.find(f => f.type === 'joined').table;
    await p.page.waitForFunction(() => (window.glassbankLabels || []).some(l => l.includes(' — ')), null, { timeout: 60000 });
    await press(p, (await labels(p)).find(l => l.includes(' — ')));
    await until(`${name}'s first view`, () => p.frames.some(f => f.type === 'view'));
    p.choice = players.length; // the first player picks each question's first option, Ada the second
    await answerQuiz(p, 'before');
    players.push(p);
  }
  report.tables_of_players = players.map(p => p.table);
  if (players[1].table !== ada.table) throw new Error(`Ada was placed at table ${players[1].table}, not ${ada.table}`);
  // Ada opens her link on a second device: her seat's view, with nothing to choose.
  const adaSeat = players[1].frames.find(f => f.type === 'view').view.seat;
  const again = await open('ada-again', ada.link, phone);
  await until('Ada\'s seat on her second device', () => again.frames.some(f => f.type === 'view'));
  if (JSON.stringify(again.frames.find(f => f.type === 'view').view.seat) !== JSON.stringify(adaSeat)) {
    throw new Error('Ada\'s link gave her another seat on her second device');
  }
  // She plays on from the second device; the first page is told its seat went elsewhere.
  await until('the first page told', () => players[1].frames.some(f => f.type === 'refused'));
  await players[1].page.context().close();
  again.name = 'ada';
  again.choice = players[1].choice;
  players[1] = again;

  // The tablet gives every seat no player holds to a bot, table by table.
  await until('both players on the console', () =>
    lastConsole(tablet).tables.filter(t => t.seats.some(s => s.taken)).length === 2);
  await sleep(1000);
  await tablet.page.screenshot({ path: path.join(out, '06-tablet-console.png') });
  let bots = 0;
  for (const t of lastConsole(tablet).tables) {
    for (const s of t.seats.filter(s => !s.taken && !s.bot)) {
      await press(tablet, `Bot for table ${t.table + 1}, ${seatCode(s.seat)}`);
      bots += 1;
    }
  }
  report.bots = bots;
  await until('every empty seat a bot\'s', () => lastConsole(tablet).tables
    .every(t => t.seats.every(s => s.taken || s.bot)));
  // A message for every table, typed by touch: tapping the field gives the focus to the page's
  // text input (bevy_egui's text agent), which is what opens a tablet's or a phone's on-screen
  // keyboard.
  await touch(tablet, 'A message for the room');
  await tablet.page.waitForFunction(() => document.activeElement && document.activeElement.id === 'egui_text_agent',
    null, { timeout: 10000 }).catch(async () => {
    const seen = await tablet.page.evaluate(() => ({ active: document.activeElement && document.activeElement.outerHTML.slice(0, 120),
      agent: (document.getElementById('egui_text_agent') || {}).outerHTML, ua: navigator.userAgent }));
    await tablet.page.screenshot({ path: path.join(out, 'failed-tap.png') });
    throw new Error(`tapping the message field did not focus the text input: ${JSON.stringify(seen)}`);
  });
  await tablet.page.keyboard.type('Who pays for the card?');
  await press(tablet, 'Send');
  await until('the message in the players\' news', () => players.every(p =>
    p.frames.some(f => f.type === 'view' && JSON.stringify(f.news).includes('Who pays for the card?'))));
  // A table stopped for discussion, and resumed.
  await press(tablet, 'Stop table 3');
  await until('table 3 stopped', () => lastConsole(tablet).tables[2].paused);
  await press(tablet, 'Resume table 3');
  await until('table 3 resumed', () => !lastConsole(tablet).tables[2].paused);
  // The players are done for the month; then the tablet plays the months at every table.
  for (const p of players) await press(p, 'Done for this month');
  await until('month 2 at every table', () => lastConsole(tablet).tables.every(t => t.turn >= 2));
  await sleep(1000);
  await tablet.page.screenshot({ path: path.join(out, '07-tablet-month-2.png') });
  const turns = lastConsole(tablet).tables[0].turns;
  for (let month = 2; month <= turns; month++) {
    // card_fees stops by itself for discussion at month 7: the tablet resumes every table.
    if (lastConsole(tablet).tables.some(t => t.paused)) {
      await press(tablet, 'Resume every table');
      await until('every table resumed', () => !lastConsole(tablet).tables.some(t => t.paused));
    }
    await press(tablet, 'Play the month now at every table');
    await until(`month ${month} played at every table`, () =>
      lastConsole(tablet).tables.every(t => t.finished || t.turn > month), 120000);
  }
  await until('every table finished', () => lastConsole(tablet).tables.every(t => t.finished));
  await until('the class debrief with three tables', () => lastClass(tablet)?.debrief.tables.length === 3);
  // The bots' games for the lessons (4 seeds here) finish on the server's second thread.
  await until('the bots\' games', () => {
    const d = lastClass(tablet)?.debrief;
    return d && d.bots_games > 0 && d.bots_played === d.bots_games && d.lessons.every(l => l.bots);
  }, 300000);
  await press(tablet, 'Projector');
  // The whole debrief in one picture: a page as tall as it (the game draws in the window).
  await tablet.page.setViewportSize({ width: 1180, height: 2400 });
  await sleep(2000);
  await tablet.page.screenshot({ path: path.join(out, '08-class-debrief.png') });
  await tablet.page.setViewportSize({ width: 1180, height: 820 });
  const debrief = lastClass(tablet).debrief;
  report.class = {
    bytes: classBytes(tablet),
    layers: debrief.tables.map(t => t.layer),
    lessons: debrief.lessons.length,
    bots_games: debrief.bots_games,
  };

  // A second tablet in French: the same class debrief in its language.
  const french = await open('tablet-fr', tabletUrl, { ...tabletOptions, locale: 'fr-FR' });
  await until('the French class debrief', () => lastClass(french)?.debrief.tables.length === 3);
  await press(french, 'Vidéoprojecteur');
  await french.page.setViewportSize({ width: 1180, height: 2400 });
  await sleep(2000);
  await french.page.screenshot({ path: path.join(out, '09-class-debrief-fr.png') });
  await french.page.setViewportSize({ width: 1180, height: 820 });
  await press(french, 'Console');
  await sleep(1000);
  await french.page.screenshot({ path: path.join(out, '10-tablet-console-fr.png') });
  if (!lastClass(french).debrief.figures[0].label || lastClass(french).debrief.figures[0].label === debrief.figures[0].label) {
    throw new Error('the French tablet did not get the figures in French');
  }

  // After the debrief, each player answers the quiz again (the first player now the second
  // options, Ada the third).
  for (const p of players) {
    p.choice += 1;
    await answerQuiz(p, 'after');
  }
  // No player's page ever got the console, the class's figures or the room's secret.
  for (const p of players) {
    const kinds = new Set(p.frames.map(f => f.type));
    if (kinds.has('console') || kinds.has('class')) throw new Error(`${p.name} got the facilitator's messages`);
    const secret = tabletUrl.split('#host=')[1];
    if (JSON.stringify(p.frames).includes(secret)) throw new Error(`${p.name} got the room's secret`);
    if (JSON.stringify(p.frames).includes('/report/')) throw new Error(`${p.name} got the report's address`);
    await sleep(500);
    await p.page.screenshot({ path: path.join(out, `11-${p.name}-debrief.png`) });
  }
  // The report, opened from each tablet in its language: made by the server from the tables as
  // played and the answers given so far.
  const served = {
    en: await reportFromTablet(tablet, 'The class report', '13-report-from-tablet-en.png'),
    fr: await reportFromTablet(french, 'Le rapport de la classe', '13-report-from-tablet-fr.png'),
  };
  // The facilitator's report of the class, in English and in French: the tables' logs and the
  // feedback log in one folder, `glassbank report`, and its page looked at; the same as the
  // tablets opened.
  const folder = path.join(out, 'report-in');
  fs.rmSync(folder, { recursive: true, force: true });
  fs.mkdirSync(folder, { recursive: true });
  for (const f of fs.readdirSync(out).filter(f => f.endsWith('.session.json'))) fs.copyFileSync(path.join(out, f), path.join(folder, f));
  fs.copyFileSync(path.join(out, 'data', 'glassbank', 'feedback.jsonl'), path.join(folder, 'feedback.jsonl'));
  for (const lang of ['en', 'fr']) {
    const dir = path.join(out, `report-${lang}`);
    await new Promise((resolve, reject) => {
      const r = spawn(binary, ['report', folder, '--room-code', new URL(url).searchParams.get('room'), '--out', dir, '--lang', lang], { stdio: 'inherit' });
      r.on('exit', code => code === 0 ? resolve() : reject(new Error(`glassbank report --lang ${lang}: ${code}`)));
    });
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    await page.goto(`file://${path.join(dir, 'report.html')}`);
    await page.screenshot({ path: path.join(out, `12-report-${lang}.png`), fullPage: true });
    const written = await page.evaluate(() => document.body.innerText);
    await context.close();
    if (written !== served[lang]) {
      fs.writeFileSync(path.join(out, `report-served-${lang}.txt`), served[lang]);
      throw new Error(`the report the tablet opened in ${lang} is not the one glassbank report wrote (report-served-${lang}.txt)`);
    }
  }
  if (problems.length) throw new Error(`console problems:\n${problems.join('\n')}`);
  console.log(`class test passed: ${JSON.stringify(report)}`);
} finally {
  fs.writeFileSync(path.join(out, 'class-report.json'), JSON.stringify(report, null, 2));
  await finish(browser, room, out);
}
