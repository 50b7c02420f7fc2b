import browser, { type Runtime } from 'webextension-polyfill';
import { extractFromHtml } from '../import/extract-html';
import { isOffscreenRequest } from '../shared/offscreen-messages';
import { isExtensionPage } from '../shared/trust';

/**
 * Chrome's offscreen document: the worker sends fetched HTML here because a service worker has no
 * DOMParser. Answers only the worker (an extension context), never a web page. Not async: returns
 * undefined for messages that are not its own (the polyfill's listener rules).
 */
browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
  if (!isOffscreenRequest(message) || !isExtensionPage(sender)) return undefined;
  return Promise.resolve(extractFromHtml(message.data.html, message.data.url));
});
