/** Metadata text fit for any output format. */

// Control characters other than tab and line breaks: invisible, and invalid in XML.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** `text` without control characters (tab and line breaks stay, CRLF becomes LF). */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(CONTROLS, '');
}
