/**
 * While an import runs, the browser itself blocks the extension's background requests to hosts off
 * the public web. fetch-page.ts checks every redirect hop it can see, but both browsers hide a manual
 * redirect's Location from extension code (an `opaqueredirect` response: Chromium and Firefox, checked
 * in tests/e2e/import-safety.e2e.mjs), so the rest of a redirect chain is followed by the browser. A
 * declarativeNetRequest session rule stops such a hop before it is asked
 * (https://developer.chrome.com/docs/extensions/reference/api/declarativeNetRequest). It needs only
 * `declarativeNetRequestWithHostAccess` (no install warning) and applies to requests not made by a tab.
 * Measured in e2e: Firefox blocks the hop; Chromium still sends it, where the final-URL check refuses the
 * page before it is read (one request reaches the private host, its answer is never read). Also tried in
 * Chromium (tests/e2e/import-safety.e2e.mjs, 2026-11-30), each still sending the hop: the plain
 * `declarativeNetRequest` permission (block rules without host access; it would add the install warning
 * "Block content on any page", and neither browser lets it be optional); that permission with
 * `initiatorDomains: [runtime.id]` and no tabIds/resourceTypes (Firefox then stops blocking: its initiator
 * is the moz-extension UUID). Chromium does not apply an extension's rules to its own worker's requests.
 *
 * Sync talks to a server the user chose, often on their own network (a NAS at 192.168.x.x) or this
 * computer: a higher-priority allow rule lets the worker reach that one origin while the guard is on.
 */
import browser from 'webextension-polyfill';
import { readSyncSettings } from '../storage';

declare const LECTERN_TEST_FETCH_ORIGINS: readonly string[] | undefined;

const BLOCK_ID = 9101;
const ALLOW_ID = 9102;

/** Hosts as the browser writes them in a URL: loopback, private, link-local, CGNAT, single-label, local names, IPv6 literals. */
const PRIVATE_HOST = '^https?://([^/@]*@)?('
  + '[^/:.]+|[^/:]*\\.(localhost|local|localdomain|internal|intranet|lan|corp|home\\.arpa)'
  + '|(0|10|127)\\.[0-9]+\\.[0-9]+\\.[0-9]+|169\\.254\\.[0-9]+\\.[0-9]+|192\\.168\\.[0-9]+\\.[0-9]+'
  + '|172\\.(1[6-9]|2[0-9]|3[01])\\.[0-9]+\\.[0-9]+|100\\.(6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-7])\\.[0-9]+\\.[0-9]+'
  + '|\\[[0-9a-f:.]*\\])\\.?(:[0-9]+)?([/?#]|$)';

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
    { id: BLOCK_ID, priority: 1, action: { type: 'block' }, condition: { ...condition, regexFilter: PRIVATE_HOST, isUrlFilterCaseSensitive: false } },
    ...(allowed.length ? [{ id: ALLOW_ID, priority: 2, action: { type: 'allow' }, condition: { ...condition, regexFilter: `^(${allowed.map(escapeRegex).join('|')})/`, isUrlFilterCaseSensitive: false } }] : []),
  ] : [];
  try {
    await rules.updateSessionRules({ removeRuleIds: [BLOCK_ID, ALLOW_ID], addRules });
  } catch (error) {
    console.error('Lectern: could not set the import’s host guard', error);
  }
}

/** The sync server changed (or a run starts) while the guard may be on: let the current one through. */
export async function allowSyncThroughGuard(): Promise<void> {
  const rules = api();
  if (!rules) return;
  try {
    if ((await rules.getSessionRules()).some((r) => r.id === BLOCK_ID)) await guardImportFetches(true);
  } catch (error) {
    console.error('Lectern: could not let sync through the import’s host guard', error);
  }
}
