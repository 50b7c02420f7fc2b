import { useContext, useId } from 'preact/hooks';
import { FONTS, type NumericSetting, RANGES, type ReaderSettings, THEMES, stepSetting } from '../../shared/settings';
import { t } from '../../shared/i18n';
import { ReaderContext } from './context';
import { Stepper } from './Stepper';

function ThemeChoice({ settings, update }: { settings: ReaderSettings; update: (p: Partial<ReaderSettings>) => void }) {
  const name = useId();
  return (
    <fieldset class="theme-choice">
      <legend>{t('settingsTheme')}</legend>
      {THEMES.map((theme) => (
        <label key={theme} class="theme-option" data-theme-swatch={theme}>
          <input type="radio" name={name} value={theme} checked={settings.theme === theme} onChange={() => update({ theme })} />
          {t(`theme_${theme}`)}
        </label>
      ))}
    </fieldset>
  );
}

function FontChoice({ settings, update }: { settings: ReaderSettings; update: (p: Partial<ReaderSettings>) => void }) {
  const id = useId();
  return (
    <div class="font-choice">
      <label for={id}>{t('settingsFont')}</label>
      <select id={id} value={settings.font} onChange={(e) => update({ font: e.currentTarget.value as ReaderSettings['font'] })}>
        {FONTS.map((font) => <option key={font} value={font}>{t(`font_${font}`)}</option>)}
      </select>
    </div>
  );
}

/** One −/+ stepper per numeric setting; `format` turns the value into its visible (localized) text. */
function NumericStepper(props: { name: NumericSetting; keys: [string, string, string, string]; settings: ReaderSettings; update: (p: Partial<ReaderSettings>) => void }) {
  const { name, keys, settings, update } = props;
  const value = settings[name];
  const [label, less, more, format] = keys;
  return (
    <Stepper
      label={t(label)} lessLabel={t(less)} moreLabel={t(more)} value={t(format, String(value))}
      atMin={value <= RANGES[name].min} atMax={value >= RANGES[name].max}
      onLess={() => update({ [name]: stepSetting(name, value, -1) })}
      onMore={() => update({ [name]: stepSetting(name, value, 1) })}
    />
  );
}

/** The typography and theme controls. Every change applies at once and is saved (and synced). */
export function SettingsPanel({ id }: { id: string }) {
  const ctx = useContext(ReaderContext);
  if (!ctx) return null;
  const { settings, update } = ctx;
  return (
    <div id={id} class="settings-panel" role="group" aria-label={t('settingsPanel')}>
      <ThemeChoice settings={settings} update={update} />
      <FontChoice settings={settings} update={update} />
      <NumericStepper name="size" keys={['settingsSize', 'sizeSmaller', 'sizeBigger', 'sizeValue']} settings={settings} update={update} />
      <NumericStepper name="width" keys={['settingsWidth', 'widthNarrower', 'widthWider', 'widthValue']} settings={settings} update={update} />
      <NumericStepper name="lineHeight" keys={['settingsLineHeight', 'lineHeightLess', 'lineHeightMore', 'lineHeightValue']} settings={settings} update={update} />
      <label class="justify-choice">
        <input type="checkbox" checked={settings.justify} onChange={(e) => update({ justify: e.currentTarget.checked })} />
        {t('settingsJustify')}
      </label>
    </div>
  );
}
