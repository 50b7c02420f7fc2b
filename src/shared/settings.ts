/**
 * Reader settings: what the toolbar changes and `storage.sync` carries to the user's other computers.
 * Stored data is untrusted (another version, another browser, a hand edit), so every field is checked on
 * read and a bad field falls back to its default without taking the others with it.
 */
export const THEMES = ['light', 'sepia', 'dark', 'auto', 'contrast'] as const;
export const FONTS = ['serif', 'sans', 'mono', 'dyslexic'] as const;
export type Theme = (typeof THEMES)[number];
export type Font = (typeof FONTS)[number];

export interface ReaderSettings {
  theme: Theme;
  font: Font;
  /** Body text size in CSS px. */
  size: number;
  /** Measure: maximum line length in ch. */
  width: number;
  lineHeight: number;
  justify: boolean;
  /** Speech rate, 1 = the voice's normal speed. */
  ttsRate: number;
  /** voiceURI the user picked; absent = chosen from the article's language. */
  ttsVoice?: string;
}

/** Inclusive ranges and step of each numeric setting: the toolbar and validation use the same table. */
export const RANGES = {
  size: { min: 12, max: 32, step: 1 },
  width: { min: 40, max: 90, step: 5 },
  lineHeight: { min: 1.2, max: 2.2, step: 0.1 },
  ttsRate: { min: 0.5, max: 2, step: 0.25 },
} as const;
export type NumericSetting = keyof typeof RANGES;

export const DEFAULT_SETTINGS: Readonly<ReaderSettings> = Object.freeze({
  theme: 'auto',
  font: 'serif',
  size: 19,
  width: 65,
  lineHeight: 1.6,
  justify: false,
  ttsRate: 1,
});

const MAX_VOICE_LENGTH = 300;

function oneOf<T extends string>(list: readonly T[], value: unknown, fallback: T): T {
  return typeof value === 'string' && (list as readonly string[]).includes(value) ? (value as T) : fallback;
}

function inRange(key: NumericSetting, value: unknown): number {
  const { min, max } = RANGES[key];
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max ? value : DEFAULT_SETTINGS[key];
}

/** Any stored value → complete, valid settings. Unknown fields are dropped. */
export function validateSettings(raw: unknown): ReaderSettings {
  const r = raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  const settings: ReaderSettings = {
    theme: oneOf(THEMES, r.theme, DEFAULT_SETTINGS.theme),
    font: oneOf(FONTS, r.font, DEFAULT_SETTINGS.font),
    size: inRange('size', r.size),
    width: inRange('width', r.width),
    lineHeight: inRange('lineHeight', r.lineHeight),
    justify: typeof r.justify === 'boolean' ? r.justify : DEFAULT_SETTINGS.justify,
    ttsRate: inRange('ttsRate', r.ttsRate),
  };
  if (typeof r.ttsVoice === 'string' && r.ttsVoice.length > 0 && r.ttsVoice.length <= MAX_VOICE_LENGTH) settings.ttsVoice = r.ttsVoice;
  return settings;
}

/** `value` moved `steps` steps within its range, rounded so 1.6 + 0.1 is 1.7 and not 1.7000000000000002. */
export function stepSetting(key: NumericSetting, value: number, steps: number): number {
  const { min, max, step } = RANGES[key];
  const next = Math.round((value + steps * step) * 100) / 100;
  return Math.min(max, Math.max(min, next));
}

/** The theme after `theme` in the `t` shortcut's cycle. */
export function nextTheme(theme: Theme): Theme {
  return THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length] ?? theme;
}
