/**
 * The reader's single-key shortcuts, as a pure function of a keyboard event, so the rules (never while
 * typing, never with Ctrl/Alt/Meta) are tested apart from any component.
 */
export type ReaderAction =
  | 'scrollDown' | 'scrollUp' | 'pageDown' | 'pageUp'
  | 'bigger' | 'smaller' | 'theme' | 'save' | 'listen' | 'close' | 'help';

/** What the help dialog lists: keys as shown to the user, and the message key of what they do. */
export const SHORTCUT_LIST: ReadonlyArray<{ keys: string[]; label: string }> = [
  { keys: ['j', '↓'], label: 'shortcut_scrollDown' },
  { keys: ['k', '↑'], label: 'shortcut_scrollUp' },
  { keys: ['Space'], label: 'shortcut_pageDown' },
  { keys: ['Shift+Space'], label: 'shortcut_pageUp' },
  { keys: ['+'], label: 'shortcut_bigger' },
  { keys: ['-'], label: 'shortcut_smaller' },
  { keys: ['t'], label: 'shortcut_theme' },
  { keys: ['s'], label: 'shortcut_save' },
  { keys: ['l'], label: 'shortcut_listen' },
  { keys: ['Esc'], label: 'shortcut_close' },
  { keys: ['?'], label: 'shortcut_help' },
];

const KEYS: Record<string, ReaderAction> = {
  j: 'scrollDown', ArrowDown: 'scrollDown', k: 'scrollUp', ArrowUp: 'scrollUp',
  '+': 'bigger', '=': 'bigger', '-': 'smaller', _: 'smaller',
  t: 'theme', s: 'save', l: 'listen', Escape: 'close', '?': 'help',
};

/** True when the key belongs to what the user is typing into, or to a control that uses it itself. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const el = target as HTMLElement;
  if (el.isContentEditable || el.closest('[contenteditable]:not([contenteditable="false"])')) return true;
  return !!el.closest('input, textarea, select');
}

type KeyLike = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'altKey' | 'metaKey' | 'shiftKey' | 'target' | 'defaultPrevented' | 'isComposing'>;

/** The action a key press asks for, or null when it is not a reader shortcut (or must not be one now). */
export function shortcutFor(e: KeyLike): ReaderAction | null {
  if (e.defaultPrevented || e.isComposing || e.ctrlKey || e.altKey || e.metaKey) return null;
  if (isTypingTarget(e.target)) return null;
  // Space activates a focused button; leave it to the button.
  if (e.key === ' ') return (e.target as Element | null)?.closest?.('button, a, summary') ? null : e.shiftKey ? 'pageUp' : 'pageDown';
  const key = e.key.length === 1 && !e.shiftKey ? e.key.toLowerCase() : e.key;
  return KEYS[key] ?? null;
}
