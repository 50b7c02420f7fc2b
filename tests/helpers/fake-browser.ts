/**
 * The one fake of the browser APIs, mapped over `webextension-polyfill` for every jest test. It is honest
 * where honesty matters: storage values go through a real JSON round trip, writes past the quota fail
 * like the browser's do and leave storage untouched, `onChanged` fires with old and new values, and
 * messages reach the registered listeners with a sender, as the polyfill delivers them.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

type Listener<A extends unknown[]> = (...args: A) => unknown;

class FakeEvent<A extends unknown[]> {
  listeners: Array<Listener<A>> = [];
  addListener = (fn: Listener<A>) => void this.listeners.push(fn);
  removeListener = (fn: Listener<A>) => void (this.listeners = this.listeners.filter((l) => l !== fn));
  hasListener = (fn: Listener<A>) => this.listeners.includes(fn);
  emit(...args: A): unknown[] {
    return this.listeners.map((l) => l(...args));
  }
}

export const EXTENSION_ID = 'lectern-test-id';
export const EXTENSION_BASE = `chrome-extension://${EXTENSION_ID}/`;

// ---- storage -------------------------------------------------------------------------------------
interface StorageChange { oldValue?: unknown; newValue?: unknown }

const bytesOf = (key: string, value: unknown) => key.length + JSON.stringify(value).length;

export class FakeStorageArea {
  data = new Map<string, string>(); // JSON text, as the browser persists it
  onChanged = new FakeEvent<[Record<string, StorageChange>]>();
  /** Fail the next N writes with this error (e.g. to simulate a disk error); tests set it. */
  failNextWrites: { count: number; message: string } | null = null;
  constructor(public areaName: string, public quotaBytes: number) {}

  private read(key: string): unknown {
    const text = this.data.get(key);
    return text === undefined ? undefined : JSON.parse(text);
  }

  async get(keys?: null | string | string[] | Record<string, unknown>): Promise<Record<string, unknown>> {
    const out: Record<string, unknown> = {};
    if (keys === null || keys === undefined) {
      for (const k of this.data.keys()) out[k] = this.read(k);
      return out;
    }
    const wanted: Record<string, unknown> = typeof keys === 'string' ? { [keys]: undefined } : Array.isArray(keys) ? Object.fromEntries(keys.map((k) => [k, undefined])) : keys;
    for (const [k, fallback] of Object.entries(wanted)) {
      const v = this.read(k);
      if (v !== undefined) out[k] = v;
      else if (fallback !== undefined) out[k] = fallback;
    }
    return out;
  }

  /** Chrome 130+ and Firefox 143+ list the keys without reading the values. */
  async getKeys(): Promise<string[]> {
    return [...this.data.keys()];
  }

  async getBytesInUse(keys?: null | string | string[]): Promise<number> {
    const list = keys === null || keys === undefined ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : keys;
    return list.reduce((sum, k) => sum + (this.data.has(k) ? k.length + this.data.get(k)!.length : 0), 0);
  }

  private usedBytesWith(items: Record<string, unknown>): number {
    let total = 0;
    for (const [k, v] of this.data) if (!(k in items)) total += k.length + v.length;
    for (const [k, v] of Object.entries(items)) total += bytesOf(k, v);
    return total;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    if (this.failNextWrites && this.failNextWrites.count > 0) {
      this.failNextWrites.count--;
      throw new Error(this.failNextWrites.message);
    }
    // All-or-nothing, like the browser: a write over quota changes nothing.
    if (this.usedBytesWith(items) > this.quotaBytes) throw new Error('QUOTA_BYTES quota exceeded');
    const changes: Record<string, StorageChange> = {};
    for (const [k, v] of Object.entries(items)) {
      if (v === undefined) continue;
      const json = JSON.stringify(v);
      changes[k] = { oldValue: this.read(k), newValue: JSON.parse(json) };
      this.data.set(k, json);
    }
    this.emitChanges(changes);
  }

  async remove(keys: string | string[]): Promise<void> {
    const changes: Record<string, StorageChange> = {};
    for (const k of typeof keys === 'string' ? [keys] : keys) {
      if (!this.data.has(k)) continue;
      changes[k] = { oldValue: this.read(k) };
      this.data.delete(k);
    }
    this.emitChanges(changes);
  }

  async clear(): Promise<void> {
    await this.remove([...this.data.keys()]);
  }

  private emitChanges(changes: Record<string, StorageChange>) {
    if (Object.keys(changes).length === 0) return;
    // The browser delivers change events asynchronously, after the write resolved.
    queueMicrotask(() => {
      this.onChanged.emit(changes);
      storageOnChanged.emit(changes, this.areaName);
    });
  }
}

const storageOnChanged = new FakeEvent<[Record<string, StorageChange>, string]>();

// ---- i18n: the real English messages, with the browser's placeholder rules ---------------------------
type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const messages: Messages = JSON.parse(readFileSync(path.join(__dirname, '../../src/_locales/en/messages.json'), 'utf8')) as Messages;
// Chrome refuses to load an extension whose message names have other characters; so does the fake.
for (const key of Object.keys(messages)) {
  if (!/^[A-Za-z0-9_@]+$/.test(key)) throw new Error(`Invalid message name "${key}": only ASCII letters, digits and _ are allowed`);
}

function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = messages[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  const fill = (s: string) => s.replace(/\$(\d)/g, (_, n) => subs[Number(n) - 1] ?? '');
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => {
      const ph = entry.placeholders?.[name.toLowerCase()];
      return ph ? fill(ph.content) : '';
    })
    .replace(/\$\$/g, '$');
}

// ---- runtime messaging ---------------------------------------------------------------------------
export interface FakeSender { id?: string; url?: string; tab?: { id: number; url?: string } }

const onMessage = new FakeEvent<[unknown, FakeSender]>();

const isThenable = (value: unknown): value is PromiseLike<unknown> => typeof (value as PromiseLike<unknown> | null)?.then === 'function';

/** Deliver a message as the polyfill does: the first listener that returns a Promise answers it. */
export async function deliverMessage(message: unknown, sender: FakeSender): Promise<unknown> {
  const roundTripped = JSON.parse(JSON.stringify(message)) as unknown;
  for (const answer of onMessage.emit(roundTripped, sender)) {
    if (isThenable(answer)) {
      return JSON.parse(JSON.stringify((await answer) ?? null)) as unknown;
    }
  }
  throw new Error('Could not establish connection. Receiving end does not exist.');
}

/** The sender a message gets when a test does not say: one of the extension's own pages. */
export const extensionPageSender: FakeSender = { id: EXTENSION_ID, url: `${EXTENSION_BASE}popup.html` };
let currentSender: FakeSender = extensionPageSender;
/** Run `fn` with messages sent as `sender` (a content script on a web page, say). */
export async function asSender<T>(sender: FakeSender, fn: () => Promise<T>): Promise<T> {
  const previous = currentSender;
  currentSender = sender;
  try {
    return await fn();
  } finally {
    currentSender = previous;
  }
}

// ---- tabs and scripting ---------------------------------------------------------------------------
export interface FakeTab { id: number; url?: string; active?: boolean; title?: string }
export const tabs = new Map<number, FakeTab>();
let nextTabId = 1;
export function openTab(tab: Omit<FakeTab, 'id'>): FakeTab {
  const full = { id: nextTabId++, ...tab };
  tabs.set(full.id, full);
  return full;
}

/**
 * What an injected function returns in a given tab: tests install a page handler that plays the page's
 * side (for example running the real extractor over a jsdom document), or throws like a browser that
 * refuses to inject.
 */
export type PageHandler = (tab: FakeTab, injection: { files?: string[]; func?: (...a: never[]) => unknown; args?: unknown[] }) => unknown;
let pageHandler: PageHandler = () => {
  throw new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.');
};
export function onInjection(handler: PageHandler) {
  pageHandler = handler;
}

const created: FakeTab[] = [];

// ---- action badge and context menus ----------------------------------------------------------------
/** The toolbar button's per-tab state, as the user would see it. */
export const badges = new Map<number, { text?: string; color?: string; title?: string }>();
const badgeOf = (tabId: number) => badges.get(tabId) ?? (badges.set(tabId, {}), badges.get(tabId)!);
/** Context menu items the code under test created, by id. Creating an existing id is an error, as in Chrome. */
export const menuItems = new Map<string, { id: string; title: string; contexts?: string[] }>();
const runtimeState: { lastError?: { message: string } } = {};
let currentTabId: number | null = null;
/** The tab the page under test runs in, as tabs.getCurrent() reports it; null (the default) = not a tab, like a popup. */
export function setCurrentTab(id: number | null) {
  currentTabId = id;
}

// ---- Chrome's offscreen documents (chrome.offscreen: no polyfill, Chrome only) ------------------------
/**
 * Install `chrome.offscreen` as Chrome has it: one document at a time, created from an extension page URL;
 * `load` runs the document's script (it registers its own runtime.onMessage listener, as the real one
 * does once loaded). Without this, `chrome.offscreen` is undefined, as in Firefox.
 */
export function installOffscreen(load: (url: string) => void) {
  let open: string | null = null;
  const offscreen = {
    async createDocument({ url, reasons }: { url: string; reasons: string[]; justification: string }) {
      if (open) throw new Error('Only a single offscreen document may be created.');
      if (!reasons.length) throw new Error('At least one reason must be given.');
      open = url;
      await Promise.resolve();
      load(url);
    },
    hasDocument: async () => open !== null,
    async closeDocument() {
      open = null;
    },
    get url() {
      return open;
    },
  };
  Object.assign(globalThis, { chrome: { offscreen } });
  return offscreen;
}

// ---- optional permissions ------------------------------------------------------------------------
/** Host patterns the user has granted (exact patterns: no pattern matching, the code asks for whole patterns). */
export const grantedOrigins = new Set<string>();
/** Optional API permissions the user has granted (`webRequest`). */
export const grantedPermissions = new Set<string>();
const SILENT_PERMISSIONS = ['webRequest'];
let promptAnswer = false;
let gestureRequired = false;
let inGesture = false;
/**
 * Make permissions.request refuse, as browsers do, unless it is called synchronously inside a user gesture
 * (`userGesture(() => fireEvent.click(button))`): a request after an await in a click handler fails.
 */
export function requireUserGesture() {
  gestureRequired = true;
}
export function userGesture(fn: () => void) {
  inGesture = true;
  try {
    fn();
  } finally {
    inGesture = false;
  }
}
/**
 * Which browser's permissions.remove() the fake follows: Firefox's (the default: exactly the patterns
 * given; the fake then has Firefox's runtime.getBrowserInfo) or Chromium's (also every granted host a
 * removed pattern covers, as seen in Chromium 156: tests/e2e/sync.e2e.mjs).
 */
export function removalLikeChromium(on: boolean) {
  const runtime = browser.runtime as Record<string, unknown>;
  if (on) delete runtime.getBrowserInfo;
  else runtime.getBrowserInfo = async () => ({ name: 'Firefox', vendor: 'Mozilla', version: '140.0', buildID: '0' });
}
/** What the user answers to the next permission prompts (false until a test says otherwise, like a cautious user). */
export function answerPermissionPrompt(answer: boolean) {
  promptAnswer = answer;
}
const optionalOrigins = (): string[] => (JSON.parse(readFileSync(path.join(__dirname, '../../manifest.json'), 'utf8')) as { optional_host_permissions?: string[] }).optional_host_permissions ?? [];
const optionalPermissions = (): string[] => (JSON.parse(readFileSync(path.join(__dirname, '../../manifest.json'), 'utf8')) as { optional_permissions?: string[] }).optional_permissions ?? [];
// Whether an optional pattern of the manifest (http://*/*) covers a requested one (http://nas.local:5005/*), as browsers allow.
function optionalCovers(optional: string, requested: string): boolean {
  const split = (p: string) => /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(p);
  const [o, r] = [split(optional), split(requested)];
  if (!o || !r) return optional === requested;
  const scheme = o[1] === '*' || o[1] === r[1];
  const host = o[2] === '*' || o[2] === r[2] || (o[2]?.startsWith('*.') === true && (r[2] ?? '').endsWith(o[2].slice(1)));
  return scheme && host && (o[3] === '/*' || o[3] === r[3]);
}

// ---- alarms: kept by name, fired by the test (time does not pass in a unit test) --------------------
/** Alarms the code under test created, by name (creating one with the same name replaces it, as in the browser). */
export const alarms = new Map<string, { name: string; delayInMinutes?: number; periodInMinutes?: number }>();
const onAlarm = new FakeEvent<[{ name: string; scheduledTime: number }]>();
/** Fire an alarm as the browser would when its time comes; a one-off alarm is gone afterwards. */
export async function fireAlarm(name: string): Promise<void> {
  const alarm = alarms.get(name);
  if (!alarm) throw new Error(`No alarm named ${name}`);
  if (alarm.periodInMinutes === undefined) alarms.delete(name);
  await Promise.all(onAlarm.emit({ name, scheduledTime: Date.now() }));
}

// ---- declarativeNetRequest session rules, and how the browser would apply them --------------------
interface SessionRule { id: number; priority?: number; action: { type: string }; condition: { regexFilter?: string; isUrlFilterCaseSensitive?: boolean; tabIds?: number[]; resourceTypes?: string[] } }
export const sessionRules = new Map<number, SessionRule>();
/**
 * How many session rules the browser accepts (Chrome: MAX_NUMBER_OF_SESSION_RULES, 5,000). A test lowers it
 * to see an update refused, as the browser refuses one past its limits (and, in Chromium, a regexFilter too
 * large to compile): the whole update fails and the rules stay as they were.
 */
export const sessionRuleLimit = { max: 5000 };
/**
 * Whether the background's own fetch of `url` (tab -1, xmlhttprequest) would be blocked by the session
 * rules: the matching rule of highest priority decides, and at equal priority allow wins over block.
 */
export function backgroundRequestBlocked(url: string): boolean {
  const matching = [...sessionRules.values()].filter(({ condition: c }) => (!c.tabIds || c.tabIds.includes(-1))
    && (!c.resourceTypes || c.resourceTypes.includes('xmlhttprequest'))
    && (!c.regexFilter || new RegExp(c.regexFilter, c.isUrlFilterCaseSensitive === false ? 'i' : '').test(url)));
  matching.sort((a, b) => (b.priority ?? 1) - (a.priority ?? 1) || (a.action.type === 'allow' ? -1 : 1));
  return matching[0]?.action.type === 'block';
}

const browser = {
  declarativeNetRequest: {
    async updateSessionRules({ removeRuleIds = [], addRules = [] }: { removeRuleIds?: number[]; addRules?: SessionRule[] }) {
      const next = new Map(sessionRules);
      for (const id of removeRuleIds) next.delete(id);
      for (const rule of addRules) {
        if (next.has(rule.id)) throw new Error(`Rule with id ${rule.id} already exists`);
        new RegExp(rule.condition.regexFilter ?? ''); // an invalid pattern is refused, as the browser does
        next.set(rule.id, JSON.parse(JSON.stringify(rule)) as SessionRule);
      }
      if (next.size > sessionRuleLimit.max) throw new Error('The number of session rules exceeds the maximum.');
      sessionRules.clear();
      for (const [id, rule] of next) sessionRules.set(id, rule);
    },
    async getSessionRules() {
      return [...sessionRules.values()].map((r) => JSON.parse(JSON.stringify(r)) as SessionRule);
    },
  },
  alarms: {
    async create(name: string, info: { delayInMinutes?: number; periodInMinutes?: number }) {
      alarms.set(name, { name, ...info });
    },
    async get(name: string) {
      const alarm = alarms.get(name);
      return alarm && { ...alarm, scheduledTime: Date.now() };
    },
    async clear(name: string) {
      return alarms.delete(name);
    },
    onAlarm,
  },
  runtime: {
    id: EXTENSION_ID,
    getURL: (p: string) => EXTENSION_BASE + p.replace(/^\//, ''),
    sendMessage: (message: unknown) => deliverMessage(message, currentSender),
    onMessage,
    onInstalled: new FakeEvent<[{ reason: string; previousVersion?: string }]>(),
    onStartup: new FakeEvent<[]>(),
    get lastError() {
      return runtimeState.lastError;
    },
    getManifest: () => JSON.parse(readFileSync(path.join(__dirname, '../../manifest.json'), 'utf8')) as Record<string, unknown>,
  },
  i18n: { getMessage, getUILanguage: () => 'en-US' },
  storage: {
    local: new FakeStorageArea('local', 10 * 1024 * 1024),
    sync: new FakeStorageArea('sync', 100 * 1024),
    onChanged: storageOnChanged,
  },
  tabs: {
    async get(id: number) {
      const tab = tabs.get(id);
      if (!tab) throw new Error(`No tab with id: ${id}.`);
      return { ...tab };
    },
    async query(q: { active?: boolean }) {
      return [...tabs.values()].filter((t) => q.active === undefined || !!t.active === q.active).map((t) => ({ ...t }));
    },
    async create(props: { url: string }) {
      const tab = openTab({ url: props.url });
      created.push(tab);
      return { ...tab };
    },
    async getCurrent() {
      const tab = currentTabId === null ? undefined : tabs.get(currentTabId);
      return tab && { ...tab };
    },
    async remove(ids: number | number[]) {
      const list = Array.isArray(ids) ? ids : [ids];
      const missing = list.find((id) => !tabs.has(id));
      if (missing !== undefined) throw new Error(`No tab with id: ${missing}.`);
      for (const id of list) tabs.delete(id);
    },
  },
  scripting: {
    async executeScript(injection: { target: { tabId: number }; files?: string[]; func?: (...a: never[]) => unknown; args?: unknown[] }) {
      const tab = tabs.get(injection.target.tabId);
      if (!tab) throw new Error(`No tab with id: ${injection.target.tabId}.`);
      const result = await pageHandler(tab, injection);
      // Results cross a process boundary: structured clone, which JSON approximates for our plain data.
      return [{ frameId: 0, result: result === undefined ? undefined : JSON.parse(JSON.stringify(result)) as unknown }];
    },
  },
  action: {
    async setBadgeText({ tabId, text }: { tabId: number; text: string }) {
      badgeOf(tabId).text = text;
    },
    async setBadgeBackgroundColor({ tabId, color }: { tabId: number; color: string }) {
      badgeOf(tabId).color = color;
    },
    async setTitle({ tabId, title }: { tabId: number; title: string }) {
      badgeOf(tabId).title = title;
    },
  },
  contextMenus: {
    create(props: { id: string; title: string; contexts?: string[] }, callback?: () => void) {
      runtimeState.lastError = menuItems.has(props.id) ? { message: `Cannot create item with duplicate id ${props.id}` } : undefined;
      if (!runtimeState.lastError) menuItems.set(props.id, { ...props });
      callback?.();
      runtimeState.lastError = undefined;
      return props.id;
    },
    onClicked: new FakeEvent<[{ menuItemId: string | number }, { id?: number } | undefined]>(),
  },
  permissions: {
    async contains({ origins = [], permissions = [] }: { origins?: string[]; permissions?: string[] }) {
      return origins.every((o) => grantedOrigins.has(o)) && permissions.every((p) => grantedPermissions.has(p));
    },
    /** Like the browser: only what the manifest lists as optional can be requested; the user may say no. */
    // The checks run synchronously at the call (an async function's body does, up to its first await).
    async request({ origins = [], permissions = [] }: { origins?: string[]; permissions?: string[] }) {
      const unknown = origins.find((o) => !optionalOrigins().some((optional) => optionalCovers(optional, o)))
        ?? permissions.find((p) => !optionalPermissions().includes(p));
      if (unknown) throw new Error(`Only permissions specified in the manifest may be requested: ${unknown}`);
      if (gestureRequired && !inGesture) throw new Error('permissions.request may only be called from a user input handler');
      if (origins.every((o) => grantedOrigins.has(o)) && permissions.every((p) => grantedPermissions.has(p))) return true;
      // Chrome grants what carries no warning (webRequest) without a prompt; anything else is the user's answer.
      const silent = origins.every((o) => grantedOrigins.has(o)) && permissions.every((p) => SILENT_PERMISSIONS.includes(p));
      if (!silent && !promptAnswer) return false;
      for (const o of origins) grantedOrigins.add(o);
      for (const p of permissions) grantedPermissions.add(p);
      return true;
    },
    /** Firefox removes exactly the patterns given; Chromium also every granted host they cover (removalLikeChromium). */
    async remove({ origins = [], permissions = [] }: { origins?: string[]; permissions?: string[] }) {
      for (const o of origins) grantedOrigins.delete(o);
      for (const p of permissions) grantedPermissions.delete(p);
      if (!('getBrowserInfo' in browser.runtime)) {
        for (const granted of [...grantedOrigins]) if (origins.some((o) => optionalCovers(o, granted))) grantedOrigins.delete(granted);
      }
      return true;
    },
  },
  commands: {
    getAll: async () => [{ name: '_execute_action', shortcut: 'Alt+Shift+R', description: '' }],
    onCommand: new FakeEvent<[string]>(),
  },
};

/** Tabs the code under test opened with tabs.create, in order. */
export const createdTabs = created;

/**
 * Forget every tab and stored value. Listeners stay: like the browser's, they are registered once when the
 * code under test is imported. (Each test file has its own module registry, so its own fake.)
 */
export function resetFakeBrowser() {
  browser.storage.local.data.clear();
  browser.storage.sync.data.clear();
  browser.storage.local.failNextWrites = null;
  tabs.clear();
  created.length = 0;
  badges.clear();
  currentTabId = null;
  currentSender = extensionPageSender;
  grantedOrigins.clear();
  removalLikeChromium(false);
  grantedPermissions.clear();
  alarms.clear();
  sessionRules.clear();
  sessionRuleLimit.max = 5000;
  promptAnswer = false;
  gestureRequired = false;
  pageHandler = () => {
    throw new Error('Cannot access contents of the page.');
  };
}

export default browser;
