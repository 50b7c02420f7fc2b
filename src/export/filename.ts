/** File names from article titles that every OS accepts (Windows is the strictest). */

const MAX_BYTES = 120;
// Forbidden on Windows (<>:"/\|?*), control characters, and bidi controls: U+202E can make
// "gpj.exe" display as "exe.jpg", the classic extension spoof.
const UNSAFE = /[<>:"/\\|?*\p{Cc}\u200E\u200F\u202A-\u202E\u2066-\u2069]+/gu;
// Windows reserves these device names with any extension ("con.md" is as bad as "con").
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)$/i;
const encoder = new TextEncoder();

/** `title` made safe as a file name, with `extension` (no dot) appended; ≤ 120 bytes of UTF-8. */
export function fileNameFor(title: string, extension: string): string {
  const suffix = `.${extension}`;
  let base = trimEnds(title.normalize('NFC').replace(UNSAFE, ' ').replace(/\s+/g, ' '));
  base = trimEnds(truncateBytes(base, MAX_BYTES - encoder.encode(suffix).length));
  if (!base) base = 'article';
  if (RESERVED.test(base.replace(/\..*$/s, '').trim())) base = `_${base}`;
  return base + suffix;
}

/** Leading dots hide a file on Unix ("..": parent); trailing dots and spaces vanish on Windows. */
function trimEnds(name: string): string {
  return name.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
}

/** The longest prefix of whole grapheme clusters (so no half emoji or half accent) within `max` bytes. */
export function truncateBytes(text: string, max: number): string {
  if (encoder.encode(text).length <= max) return text;
  let out = '';
  let bytes = 0;
  for (const piece of graphemes(text)) {
    const size = encoder.encode(piece).length;
    if (bytes + size > max) break;
    out += piece;
    bytes += size;
  }
  return out;
}

function graphemes(text: string): Iterable<string> {
  if (typeof Intl.Segmenter !== 'function') return Array.from(text); // code points, never half of one
  return Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (s) => s.segment);
}
