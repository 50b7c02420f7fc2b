import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';

/** The shortcut the user has now (they may have changed it), or null when none is set. */
function useReaderShortcut(): string | null | undefined {
  const [shortcut, setShortcut] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    void browser.commands.getAll().then((commands) => {
      const action = commands.find((c) => c.name === '_execute_action');
      setShortcut(action?.shortcut || null);
    });
  }, []);
  return shortcut;
}

const isFirefox = () => browser.runtime.getURL('').startsWith('moz-extension:');

export function Welcome() {
  const shortcut = useReaderShortcut();
  return (
    <main class="page">
      <h1>{t('welcomeTitle')}</h1>
      <p class="lead">{t('welcomeLead')}</p>
      <h2>{t('welcomeButtonTitle')}</h2>
      <p>{t('welcomeButtonBody')}</p>
      <h2>{t('welcomeShortcutTitle')}</h2>
      <p>
        {shortcut ? t('welcomeShortcutIs') : t('welcomeShortcutNone')} {shortcut && <kbd class="shortcut">{shortcut}</kbd>}
      </p>
      <p>{isFirefox() ? t('welcomeShortcutChangeFirefox') : t('welcomeShortcutChangeChrome')}</p>
      <h2>{t('welcomePrivacyTitle')}</h2>
      <p>{t('welcomePrivacyBody')}</p>
    </main>
  );
}
