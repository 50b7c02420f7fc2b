import { ImportError } from '../import/limits';
import { t } from '../shared/i18n';

/** An error for the user: an import error in their language (from its key), anything else as it says. */
export function errorText(error: unknown): string {
  if (error instanceof ImportError) return t(error.key, error.subs);
  return error instanceof Error ? error.message : String(error);
}
