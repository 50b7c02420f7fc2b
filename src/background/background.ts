import browser from 'webextension-polyfill';
import { routeMessage } from './router';

/*
 * Every listener is registered synchronously at the top level: Chrome stops an idle service worker after
 * ~30 s and restarts it for the next event, and only listeners registered in the first turn get events.
 * https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/events
 */
browser.runtime.onMessage.addListener(routeMessage);

browser.runtime.onInstalled.addListener(({ reason }) => {
  if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('welcome.html') });
});
