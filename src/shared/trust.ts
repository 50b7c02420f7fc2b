import browser from 'webextension-polyfill';
import type { Runtime } from 'webextension-polyfill';

/**
 * True when a message comes from one of Lectern's own pages (popup, reader, options), not from a content
 * script in a web page. `sender.tab` is set for extension pages opened in tabs too, and Firefox does not
 * set `sender.origin`, so compare the sender's URL with the extension's base URL.
 */
export function isExtensionPage(sender: Runtime.MessageSender): boolean {
  const base = browser.runtime.getURL('');
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(base);
}
