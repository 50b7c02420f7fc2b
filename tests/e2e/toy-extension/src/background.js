// Background for the toy extension. Loaded as an MV3 service worker in
// Chromium and as an event page (background.scripts) in Firefox.
if (typeof importScripts === 'function') importScripts('api.js');

// A fresh id every time the worker/event page boots, so tests can see restarts.
const bootId = Math.random().toString(36).slice(2);

ext.runtime.onInstalled.addListener(async ({ reason }) => {
  // Record every onInstalled reason so tests can see what a relaunch looks like.
  const { installReasons = [] } = await ext.storage.local.get('installReasons');
  await ext.storage.local.set({ installReasons: [...installReasons, reason] });
  if (reason === 'install') ext.tabs.create({ url: ext.runtime.getURL('welcome.html') });
});

ext.runtime.onMessage.addListener((msg, _sender, sendResponse) => {
  if (msg?.type === 'ping') {
    sendResponse({ pong: true, bootId });
    return false;
  }
  if (msg?.type === 'save') {
    // Async reply: keep the channel open.
    ext.storage.local.set({ [msg.key]: msg.value }).then(() => sendResponse({ ok: true, bootId }));
    return true;
  }
  return false;
});
