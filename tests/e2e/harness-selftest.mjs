#!/usr/bin/env node
// Self-test for tests/e2e/harness.mjs against the toy extension.
//   node tests/e2e/harness-selftest.mjs [chromium|firefox ...]
// Prints one line per check and a final "N passed, N failed"; exit code 1 on any failure.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildToy } from './toy-extension/build.mjs';
import { killAllBrowsers, launch, screenshot, startServer, withTimeout } from './harness.mjs';

const kinds = process.argv.slice(2).length ? process.argv.slice(2) : ['chromium', 'firefox'];
const ARTIFACTS = join(import.meta.dirname, 'artifacts');
let passed = 0;
let failed = 0;

async function check(name, fn, ms = 20000) {
  const t0 = Date.now();
  try {
    await withTimeout(Promise.resolve().then(fn), ms, name);
    passed++;
    console.log(`ok   ${name} (${Date.now() - t0} ms)`);
    return true;
  } catch (e) {
    failed++;
    console.log(`FAIL ${name} (${Date.now() - t0} ms)\n     ${String(e?.stack ?? e).split('\n').slice(0, 4).join('\n     ')}`);
    return false;
  }
}

// Hard stop: whatever happens, do not hang CI.
const hardStop = setTimeout(() => {
  console.log(`FAIL global timeout\n${passed} passed, ${failed + 1} failed`);
  killAllBrowsers();
  process.exit(1);
}, 110000);
hardStop.unref();

const TITLE = 'Lectern fixture: The Quick Brown Fox';
const dirs = buildToy();
const server = await startServer({
  root: join(import.meta.dirname, 'toy-extension', 'src'), // static files (any dir works)
  routes: {
    '/article.html': `<!doctype html><html><head><meta charset="utf-8"><title>${TITLE}</title></head><body><article><h1>Fox</h1><p>Jumps.</p></article></body></html>`,
    '/custom': (req, res) => res.end(`custom ${req.method}`),
  },
});

await check('server: routes, handler, static root, 404, no path escape', async () => {
  const get = async (p) => { const r = await fetch(server.url(p)); return [r.status, await r.text()]; };
  assert.match((await get('/article.html'))[1], /Quick Brown Fox/);
  assert.deepEqual(await get('/custom'), [200, 'custom GET']);
  assert.match((await get('/reader.html'))[1], /<span id="title">/);
  assert.equal((await get('/nope'))[0], 404);
  assert.equal((await get('/..%2f..%2fbuild.mjs'))[0], 403);
});


for (const kind of kinds) {
  const profile = mkdtempSync(join(tmpdir(), `lectern-selftest-${kind}-`));
  let s;
  try {
    const launched = await check(`${kind}: launch with toy extension`, async () => {
      s = await launch(kind, dirs[kind], { userDataDir: profile });
      assert.match(s.extensionOrigin, kind === 'chromium' ? /^chrome-extension:\/\/[a-p]{32}$/ : /^moz-extension:\/\/[0-9a-f-]{36}$/);
      console.log(`     origin ${s.extensionOrigin}`);
    }, 30000);
    if (!launched) continue;

    const fixtureUrl = server.url('/article.html');
    let tabId;
    await check(`${kind}: open fixture + tabIdOf`, async () => {
      await s.openPage(fixtureUrl);
      tabId = await s.tabIdOf(fixtureUrl);
      assert.equal(typeof tabId, 'number');
    });

    await check(`${kind}: reader.html?tab=<id> shows the fixture title`, async () => {
      const reader = await s.openExtensionPage(`reader.html?tab=${tabId}`);
      await reader.waitForFunction(() => document.documentElement.dataset.state, { timeout: 10000 });
      const [state, title, error] = await reader.evaluate(() => [
        document.documentElement.dataset.state,
        document.getElementById('title').textContent,
        document.getElementById('error').textContent,
      ]);
      await screenshot(reader, join(ARTIFACTS, `${kind}-reader.png`));
      assert.equal(state, 'done', `reader error: ${error}`);
      assert.equal(title, TITLE);
    });

    await check(`${kind}: storage.local write/read`, async () => {
      await s.evalInExtension((api, v) => api.storage.local.set({ persisted: v }), 'hello-' + kind);
      const got = await s.evalInExtension((api) => api.storage.local.get('persisted'));
      assert.deepEqual(got, { persisted: 'hello-' + kind });
    });

    await check(`${kind}: message to background answered`, async () => {
      const r = await s.sendMessage({ type: 'ping' });
      assert.equal(r?.pong, true);
    });

    if (kind === 'chromium') {
      await check(`${kind}: stop service worker, next message restarts it`, async () => {
        await s.sendMessage({ type: 'ping' }); // make sure it is running
        const before = await s.sendMessage({ type: 'ping' });
        const info = await s.restartServiceWorker();
        assert.equal(info.wasRunning, true);
        console.log(`     stopped via ${info.method}`);
        const after = await s.sendMessage({ type: 'ping' });
        assert.equal(after?.pong, true);
        assert.notEqual(after.bootId, before.bootId, 'expected a fresh worker instance');
        const saved = await s.sendMessage({ type: 'save', key: 'afterRestart', value: 1 });
        assert.equal(saved?.ok, true);
      });
    }

    await check(`${kind}: close + relaunch same profile keeps storage.local`, async () => {
      await s.close();
      s = await launch(kind, dirs[kind], { userDataDir: profile });
      const got = await s.evalInExtension((api) => api.storage.local.get('persisted'));
      assert.deepEqual(got, { persisted: 'hello-' + kind });
    }, 40000);
  } finally {
    await s?.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
}

await server.close();
killAllBrowsers();
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
