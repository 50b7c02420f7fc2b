/** The host access an import needs to fetch pages: asked for at Import, given back when the job ends. */
export const IMPORT_HOST_ORIGINS = ['http://*/*', 'https://*/*'];

/**
 * Asked for and given back with the host access, where the build declares it (Chrome's): it lets the
 * worker see where a redirect points before asking that address (src/background/redirect-watch.ts).
 * It carries no permission warning, so Chrome grants it without a prompt.
 */
export const REDIRECT_PERMISSION = 'webRequest';

/** The optional API permissions an import asks for, given the manifest's optional permissions. */
export const importApiPermissions = (optional: readonly string[] = []): string[] => optional.filter((p) => p === REDIRECT_PERMISSION);
