/** @jest-environment node */
import { t } from '../../../src/shared/i18n';
import { IMPORT_TEXT, importText, type ImportMessageKey } from '../../../src/import/import-text';

describe('import messages', () => {
  it.each(Object.keys(IMPORT_TEXT) as ImportMessageKey[])('%s reads the same from the locale as in English logs', (key) => {
    const subs = ['first', 'second', 'third'];
    expect(t(key, subs)).toBe(importText(key, subs));
  });

  it('fills substitutions', () => {
    expect(importText('importBackupTooMany', [5, 3])).toBe('This backup has 5 articles; the limit is 3.');
    expect(importText('importRowNoUrl')).toBe('no URL');
  });
});
