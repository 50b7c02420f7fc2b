/** The host access an import needs to fetch pages: asked for at Import, given back when the job ends. */
export const IMPORT_HOST_ORIGINS = ['http://*/*', 'https://*/*'];
