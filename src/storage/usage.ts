import { bytesInUse } from './area';
import { readIndex } from './read';

/** What the options page shows: how many articles, and how many bytes the library takes . */
export async function storageUsage(): Promise<{ count: number; bytes: number }> {
  const [{ entries }, bytes] = await Promise.all([readIndex(), bytesInUse()]);
  return { count: entries.length, bytes };
}
