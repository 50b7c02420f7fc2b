import type { Runtime } from 'webextension-polyfill';
import type { MessageType } from '../shared/messages';
import { handlers } from './handlers';
import { isExtensionPage } from '../shared/trust';

const isMessageType = (type: unknown): type is MessageType =>
  typeof type === 'string' && Object.prototype.hasOwnProperty.call(handlers, type);

/**
 * The worker's one onMessage listener. Not async: under webextension-polyfill a listener that returns a
 * Promise answers the message, so it returns undefined for anything it does not accept, and a rejected
 * Promise (an error for the sender) for malformed or unauthorised messages of a known type.
 */
export function routeMessage(message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const { type, data } = message as { type?: unknown; data?: unknown };
  if (!isMessageType(type)) return undefined;
  const entry = handlers[type];
  if (entry.audience === 'extension' && !isExtensionPage(sender)) {
    return Promise.reject(new Error(`${type} is only answered for Lectern's own pages`));
  }
  if (!entry.valid(data)) return Promise.reject(new Error(`Malformed ${type} message`));
  return (entry.handle as (d: unknown, s: Runtime.MessageSender) => Promise<unknown>)(data, sender);
}
