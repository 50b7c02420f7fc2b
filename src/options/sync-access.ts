import browser from 'webextension-polyfill';

/**
 * Ask for host access to the sync server's origin only (never all sites). Must be called inside the click
 * handler before any await: permissions.request needs the user's gesture. Already granted: no prompt.
 */
export const requestSyncAccess = (pattern: string): Promise<boolean> => browser.permissions.request({ origins: [pattern] });

/** Give the access back when this computer stops syncing. A permission the build requires cannot be removed. */
export const releaseSyncAccess = (pattern: string): Promise<boolean> => browser.permissions.remove({ origins: [pattern] }).catch(() => false);
