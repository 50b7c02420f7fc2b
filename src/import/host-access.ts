/** The host access an import needs to fetch pages: asked for at Import, given back when the job ends. */
export const IMPORT_HOST_ORIGINS = ['http://*/*', 'https://*/*'];

/**
 * Asked for and given back with the host access, where the build declares it (Chrome's): it lets the
 * worker see where a redirect points before asking that address (src/background/redirect-watch.ts).
 * It carries no permission warning, so Chrome grants it without a prompt.
 */
export const REDIRECT_PERMISSION = 'webRequest';

/**
 * The access an import itself asked for at Import (what it did not hold before), and so gives back when its
 * job ends. All-sites access the user had already granted, for offline images or anything else, is not in it.
 */
export interface ImportAccess {
  origins: string[];
  permissions: string[];
}

/** Whether `value` is an ImportAccess within what an import may ask for (a message or a stored job says so). */
export function isImportAccess(value: unknown): value is ImportAccess {
  if (typeof value !== 'object' || value === null) return false;
  const { origins, permissions } = value as Record<string, unknown>;
  const within = (list: unknown, allowed: readonly string[]) => Array.isArray(list) && list.every((x) => allowed.includes(x as string));
  return within(origins, IMPORT_HOST_ORIGINS) && within(permissions, [REDIRECT_PERMISSION]);
}

/**
 * What a job holds once more was asked for (a retry asks for what the job gave back at its end, or for
 * nothing while it still holds its access): each origin and permission once, in a stable order.
 */
export function joinAccess(held: ImportAccess | undefined, asked: ImportAccess | undefined): ImportAccess | undefined {
  if (!held || !asked) return held ?? asked;
  const join = (a: string[], b: string[]) => [...new Set([...a, ...b])].sort();
  return { origins: join(held.origins, asked.origins), permissions: join(held.permissions, asked.permissions) };
}

/** The optional API permissions an import asks for, given the manifest's optional permissions. */
export const importApiPermissions = (optional: readonly string[] = []): string[] => optional.filter((p) => p === REDIRECT_PERMISSION);
