// Tiny stand-in for webextension-polyfill: Firefox exposes promise-based
// `browser`, Chromium MV3 exposes promise-returning `chrome`.
globalThis.ext = globalThis.browser ?? globalThis.chrome;
