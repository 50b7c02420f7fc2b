/**
 * While an import runs, the browser itself blocks the extension's background requests to hosts off
 * the public web. fetch-page.ts checks every redirect hop it can see, but both browsers hide a manual
 * redirect's Location from extension code (an `opaqueredirect` response, checked in
 * tests/e2e/import-safety.e2e.mjs). A declarativeNetRequest session rule stops such a hop before it is
 * asked (https://developer.chrome.com/docs/extensions/reference/api/declarativeNetRequest). It needs only
 * `declarativeNetRequestWithHostAccess` (no install warning) and applies to requests not made by a tab.
 *
 * Why Chromium used to send the hop anyway (2026-11-30 notes said "no extension rule applies to the
 * worker's own requests"): the guard was one regexFilter, and Chromium skips a rule whose compiled regex
 * passes 2 KB (`isRegexSupported` → memoryLimitExceeded), so updateSessionRules threw and no rule was set.
 * Split into one rule per kind of host, Chromium 156 applies them to its worker's fetches and their
 * redirect hops (tests/e2e/import-safety.e2e.mjs checks the rules are set in both browsers and block the
 * worker). Chrome's build also follows each redirect itself, checking the target with the same code as
 * the file (redirect-watch.ts): these rules cover fewer ranges than public-host.ts, and act only on hosts
 * the extension has access to (declarativeNetRequestWithHostAccess).
 *
 * Sync talks to a server the user chose, often on their own network (a NAS at 192.168.x.x) or this
 * computer: a higher-priority allow rule lets the worker reach that one origin while the guard is on.
 */
import browser from 'webextension-polyfill';
import { readSyncSettings } from '../storage';

declare const LECTERN_TEST_FETCH_ORIGINS: readonly string[] | undefined;

const ALLOW_ID = 9102;

/**
 * Hosts as the browser writes them in a URL: single-label, local names, loopback/private/link-local/CGNAT
 * IPv4, IPv6 literals. One rule each: Chromium skips a regexFilter whose compiled form passes 2 KB, and
 * these as one pattern did (`isRegexSupported`: memoryLimitExceeded), so the guard was never set there.
 */
const PRIVATE_HOSTS = [
  '[^/:.]+',
  '[^/:]*\\.(localhost|local|localdomain|internal|intranet|lan|corp|home\\.arpa)',
  '(0|10|127)\\.[0-9]+\\.[0-9]+\\.[0-9]+|169\\.254\\.[0-9]+\\.[0-9]+|192\\.168\\.[0-9]+\\.[0-9]+',
  '172\\.(1[6-9]|2[0-9]|3[01])\\.[0-9]+\\.[0-9]+|100\\.(6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-7])\\.[0-9]+\\.[0-9]+',
  '\\[[0-9a-f:.]*\\]',
].map((host) => `^https?://([^/@]*@)?(${host})\\.?(:[0-9]+)?([/?#]|$)`);
const BLOCK_IDS = [9101, 9103, 9104, 9105, 9106];

interface SessionRulesApi {
  updateSessionRules(options: { removeRuleIds?: number[]; addRules?: unknown[] }): Promise<void>;
  getSessionRules(): Promise<Array<{ id: number }>>;
}

const api = (): SessionRulesApi | undefined => (browser as unknown as { declarativeNetRequest?: SessionRulesApi }).declarativeNetRequest;

const testOrigins = (): readonly string[] => (typeof LECTERN_TEST_FETCH_ORIGINS === 'undefined' ? [] : LECTERN_TEST_FETCH_ORIGINS);
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The origins the guard lets through: the sync server's (read now: the user may change it meanwhile) and the e2e servers. */
async function allowedOrigins(): Promise<string[]> {
  const settings = await readSyncSettings().catch(() => null);
  let sync: string | null = null;
  try {
    sync = settings ? new URL(settings.serverUrl).origin : null;
  } catch {
    sync = null;
  }
  return [...testOrigins(), ...(sync && sync !== 'null' ? [sync] : [])];
}

/**
 * Rule updates run one after another, in the order they were asked for: turning the guard on reads the
 * sync settings first, so without this an "on" asked by the last pump could land after the job's "off"
 * and leave private hosts blocked after the import ended (Firefox enforces the rule on the worker).
 */
let updates: Promise<void> = Promise.resolve();

/** Turn the guard on (an import runs) or off. Without the API (tests, older browsers) the checks in fetch-page.ts remain. */
export function guardImportFetches(on: boolean): Promise<void> {
  updates = updates.then(() => applyGuard(on));
  return updates;
}

async function applyGuard(on: boolean): Promise<void> {
  const rules = api();
  if (!rules) return;
  const condition = { tabIds: [-1], resourceTypes: ['xmlhttprequest'] };
  const allowed = on ? await allowedOrigins() : [];
  const addRules = on ? [
    ...PRIVATE_HOSTS.map((regexFilter, i) => ({ id: BLOCK_IDS[i], priority: 1, action: { type: 'block' }, condition: { ...condition, regexFilter, isUrlFilterCaseSensitive: false } })),
    ...(allowed.length ? [{ id: ALLOW_ID, priority: 2, action: { type: 'allow' }, condition: { ...condition, regexFilter: `^(${allowed.map(escapeRegex).join('|')})/`, isUrlFilterCaseSensitive: false } }] : []),
  ] : [];
  try {
    await rules.updateSessionRules({ removeRuleIds: [...BLOCK_IDS, ALLOW_ID], addRules });
  } catch (error) {
    // Not fatal, and not unguarded: redirects are then followed only where each hop can be checked (importGuardIsOn).
    console.error('Lectern: could not set the import’s host guard', error);
  }
}

/**
 * Whether the guard's rules are in place now. Setting them can fail (the browser refuses a rule, or has no
 * such API): the import then goes on under fetch-page.ts's per-hop checks alone, and a redirect the
 * extension cannot see is not followed (fetch-page.ts asks this before letting the browser follow one).
 */
export async function importGuardIsOn(): Promise<boolean> {
  const rules = api();
  if (!rules) return false;
  try {
    const ids = new Set((await rules.getSessionRules()).map((r) => r.id));
    return BLOCK_IDS.every((id) => ids.has(id));
  } catch {
    return false;
  }
}

/** The sync server changed (or a run starts) while the guard may be on: let the current one through. */
export async function allowSyncThroughGuard(): Promise<void> {
  const rules = api();
  if (!rules) return;
  try {
    if ((await rules.getSessionRules()).some((r) => r.id === BLOCK_IDS[0])) await guardImportFetches(true);
  } catch (error) {
    console.error('Lectern: could not let sync through the import’s host guard', error);
  }
}
