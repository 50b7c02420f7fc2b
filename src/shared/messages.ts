import browser from 'webextension-polyfill';
import type { ExtractionResult } from './article';

/**
 * The one message protocol: type → request data and response. The background's handler table is typed
 * from this map, so a message without a handler (or with the wrong shape) fails `tsc` on both ends.
 */
export interface Protocol {
  /** Extract the article of a tab the extension may read (popup and reader pages ask; the worker injects). */
  extractTab: { request: { tabId: number }; response: ExtractionResult };
}

export type MessageType = keyof Protocol;
export type Request<K extends MessageType> = Protocol[K]['request'];
export type Response<K extends MessageType> = Protocol[K]['response'];
export interface Message<K extends MessageType = MessageType> {
  type: K;
  data: Request<K>;
}

/** Send a typed message to the background worker. */
export function sendMessage<K extends MessageType>(type: K, data: Request<K>): Promise<Response<K>> {
  return browser.runtime.sendMessage({ type, data }) as Promise<Response<K>>;
}
