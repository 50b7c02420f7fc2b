import type { Runtime } from 'webextension-polyfill';
import type { MessageType, Request, Response } from '../shared/messages';
import { extractTab } from './extract-tab';

export type Handler<K extends MessageType> = (data: Request<K>, sender: Runtime.MessageSender) => Promise<Response<K>>;

/** Who may send a message type: the extension's own pages, or also content scripts (for their own tab). */
export type Audience = 'extension' | 'content';

interface HandlerEntry<K extends MessageType> {
  audience: Audience;
  /** Checks the shape of untrusted data; the handler runs only when this returns true. */
  valid: (data: unknown) => data is Request<K>;
  handle: Handler<K>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isTabId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** One entry per message type: a type without a handler fails `tsc`. */
export const handlers: { [K in MessageType]: HandlerEntry<K> } = {
  extractTab: {
    audience: 'extension',
    valid: (d): d is { tabId: number } => isObject(d) && isTabId(d.tabId),
    handle: ({ tabId }) => extractTab(tabId),
  },
};
