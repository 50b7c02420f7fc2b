/** JSON from an export file, with errors that name the file. */
import { ImportError, LIMITS } from './limits';

export function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ImportError('importFileNotJson', where, (error as Error).message);
  }
}

export function parseJsonList(text: string, where: string): unknown[] {
  const data = parseJson(text, where);
  if (!Array.isArray(data)) throw new ImportError('importOmnivoreNotList', where);
  if (data.length > LIMITS.maxItems) throw new ImportError('importTooManyRows', LIMITS.maxItems);
  return data;
}
