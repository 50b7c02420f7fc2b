import { syncOriginPattern } from '../shared/sync';

/** What is wrong with a typed server address, each said in words (locale key `syncAddress_<problem>`). */
export type AddressProblem = 'empty' | 'invalid' | 'scheme' | 'credentials';

export type AddressCheck =
  | { ok: true; url: string; origin: string; pattern: string; plainHttp: boolean }
  | { ok: false; problem: AddressProblem };

/** Hosts where plain http never leaves this computer, so the password does not cross a network. */
function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Check the WebDAV folder address the user typed, before anything is asked or sent: a web address
 * (http or https), without a user name or password inside it (those have their own fields, kept secret).
 * `plainHttp`: the password would travel unencrypted (http to another computer), worth a warning.
 */
export function checkServerAddress(typed: string): AddressCheck {
  const text = typed.trim();
  if (!text) return { ok: false, problem: 'empty' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  const pattern = syncOriginPattern(text);
  if (!pattern) return { ok: false, problem: 'scheme' };
  if (url.username || url.password) return { ok: false, problem: 'credentials' };
  if (!url.hostname) return { ok: false, problem: 'invalid' };
  return { ok: true, url: text, origin: url.origin, pattern, plainHttp: url.protocol === 'http:' && !isLoopback(url.hostname) };
}
