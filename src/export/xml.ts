/** Text that is safe inside XML markup (EPUB package files are XML, and readers are strict). */

// XML 1.0 forbids these characters anywhere, even escaped: C0 controls but tab/LF/CR,
// U+FFFE/U+FFFF, and surrogates that are not part of a pair (matched one by one in `u` mode).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDFFF]/gu;

/** `text` without the characters XML cannot carry. */
export function xmlChars(text: string): string {
  return text.replace(NOT_XML, '');
}

/** `text` escaped for an XML text node or attribute value. */
export function escapeXml(text: string): string {
  return xmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** A well-formed BCP 47 language tag or null (`lang` values are validated by EPUB checkers). */
export function languageTag(lang: string | null | undefined): string | null {
  return lang && /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(lang) ? lang : null;
}
