import { toWebImagePolicy, type WebImagePolicy } from '../shared/web-images';
import { getItems, onStorageChanged, setItems } from './area';

/** Device setting in storage.local, next to the offline copies it decides about. */
const KEY = 'webImages';

export const readWebImagePolicy = async (): Promise<WebImagePolicy> => toWebImagePolicy((await getItems(KEY))[KEY]);
export const setWebImagePolicy = (policy: WebImagePolicy) => setItems({ [KEY]: policy });

/** Call `listener` when the policy changes (the options page, in another tab). Returns the unsubscribe. */
export function onWebImagePolicyChanged(listener: (policy: WebImagePolicy) => void): () => void {
  const handle = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && KEY in changes) listener(toWebImagePolicy(changes[KEY]?.newValue));
  };
  onStorageChanged.addListener(handle);
  return () => onStorageChanged.removeListener(handle);
}
