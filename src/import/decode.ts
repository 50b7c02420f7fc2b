/**
 * Text from an export file's bytes, in the encoding it was written in: UTF-8 with or without a byte
 * order mark, UTF-16 (little or big endian, as Excel's "Unicode text" writes it), or Windows-1252,
 * which a spreadsheet on Windows writes when it re-saves a CSV. UTF-8 is tried strictly first: any
 * file that decodes as UTF-8 is UTF-8 (Windows-1252 accents are never valid UTF-8 sequences).
 */
type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** The encoding, and the text when telling it meant decoding it already (strict UTF-8: decoded once, not twice). */
function detectEncoding(bytes: Uint8Array): { encoding: TextEncoding; text?: string } {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf-8' };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf-16le' };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf-16be' };
  const unmarked = utf16WithoutMark(bytes);
  if (unmarked) return { encoding: unmarked };
  try {
    return { encoding: 'utf-8', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { encoding: 'windows-1252' };
  }
}

/** The file's text (a byte order mark is dropped). */
export function decodeText(bytes: Uint8Array): string {
  const { encoding, text = encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes) } = detectEncoding(bytes);
  return text.replace(/^\uFEFF/, '');
}

/**
 * Windows-1252 decoded here rather than by TextDecoder: Node built without full ICU decodes it as
 * Latin-1, turning the dashes and curly quotes of 0x80–0x9F into control characters.
 */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f'
  + '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk).replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);
  }
  return out;
}

/** UTF-16 without a mark: ASCII text then has a zero in every other byte of its first characters. */
function utf16WithoutMark(bytes: Uint8Array): TextEncoding | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 200);
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.6 && evenZeros === 0) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros === 0) return 'utf-16be';
  return null;
}
