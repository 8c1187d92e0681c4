// What the browser tests of a room share: `glassbank serve` started on this machine with its
// files in a folder, Debian's headless Chromium, and pressing a control by its label through
// the game's test hook (`window.glassbankPress`, `window.glassbankLabels`).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

export const sleep = ms => new Promise(r => setTimeout(r, ms));

/**
 * Starts `glassbank serve ARGS`, its data folder in OUT/data; waits until it prints an address
 * matching `ready`. Returns the process, a function giving what it printed, and the match.
 */
export async function serve(binary, args, out, ready = /http:\/\/\S+\?room=\w+/) {
  const server = spawn(binary, ['serve', ...args], {
    env: { ...process.env, XDG_DATA_HOME: path.join(out, 'data') },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let printed = '';
  server.stdout.on('data', d => { printed += d; });
  server.stderr.on('data', d => { printed += d; });
  const started = Date.now();
  while (!ready.test(printed)) {
    if (Date.now() - started > 30000 || server.exitCode !== null) {
      throw new Error(`the room did not open:\n${printed}`);
    }
    await sleep(100);
  }
  return { server, output: () => printed, match: printed.match(ready)[0] };
}

/** Keeps what the server printed in OUT/server.txt, closes the browser and stops the server. */
export async function finish(browser, room, out) {
  fs.writeFileSync(path.join(out, 'server.txt'), room.output());
  await browser.close();
  room.server.stdin.end('quit\n');
  await sleep(500);
  room.server.kill();
}

/** Debian's Chromium, headless, with software WebGL (never a downloaded browser). */
export async function launch() {
  const require = createRequire(path.join(process.env.PLAYWRIGHT_DIR || '.', 'node_modules') + '/');
  const { chromium } = require('playwright-core');
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic',
      '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** Presses a control of a person's page (`{ name, page }`) by its label, once the game drew it. */
export async function press(p, label) {
  await p.page.waitForFunction(l => (window.glassbankLabels || []).includes(l), label, { timeout: 60000 })
    .catch(() => { throw new Error(`${p.name}: no control "${label}" on screen`); });
  await p.page.evaluate(l => { window.glassbankPress = l; }, label);
  await p.page.waitForFunction(() => window.glassbankPress === undefined, null, { timeout: 10000 });
}
