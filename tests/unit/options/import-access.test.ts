/**
 * What an import asks for at Import is what it gives back at the end (src/background/import-runner.ts):
 * all-sites access the user had granted before (for offline images, say) is not the import's to give back.
 */
import { grantedOrigins, grantedPermissions } from '../../helpers/fake-browser';
import { askedAccess, missingImportAccess } from '../../../src/options/import-file';

const ALL_SITES = ['http://*/*', 'https://*/*'];
const urls = ['https://news.example/a', 'https://blog.example/b'];

afterEach(() => {
  grantedOrigins.clear();
  grantedPermissions.clear();
});

describe('the access an import asks for', () => {
  it('is all of it when nothing was granted', async () => {
    expect(askedAccess(await missingImportAccess(urls))).toEqual({ origins: ALL_SITES, permissions: ['webRequest'] });
  });

  it('leaves out all-sites access granted before the import', async () => {
    for (const o of ALL_SITES) grantedOrigins.add(o);
    expect(askedAccess(await missingImportAccess(urls))).toEqual({ origins: [], permissions: ['webRequest'] });
  });

  it('is nothing when everything was granted, or nothing needs fetching', async () => {
    for (const o of ALL_SITES) grantedOrigins.add(o);
    grantedPermissions.add('webRequest');
    expect(await missingImportAccess(urls)).toBeNull();
    expect(askedAccess(null)).toEqual({ origins: [], permissions: [] });
  });
});
