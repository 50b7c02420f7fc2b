/**
 * The small part of YAML that front matter needs, written so that no title can break out of it:
 * every string is a double-quoted scalar. JSON strings are valid YAML 1.2 double-quoted scalars;
 * on top of JSON's escapes, YAML also forbids raw non-printable characters (DEL, C1 controls,
 * U+FEFF, U+FFFE/U+FFFF), so those are escaped too.
 */

// Outside YAML's c-printable set, or U+2028/2029 which YAML 1.1 readers treat as line breaks.
const NON_PRINTABLE = /[\u007F-\u009F\u2028\u2029\uFEFF\uFFFE\uFFFF]/g;

/** A YAML double-quoted scalar holding exactly `value`. */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(NON_PRINTABLE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export type FrontMatterValue = string | string[] | null | undefined;

/** `---`-delimited front matter; null/undefined fields are left out, lists are flow sequences. */
export function frontMatter(fields: Record<string, FrontMatterValue>): string {
  const lines = Object.entries(fields)
    .filter((entry): entry is [string, string | string[]] => entry[1] !== null && entry[1] !== undefined)
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? `[${value.map(yamlString).join(', ')}]` : yamlString(value)}`);
  return `---\n${lines.join('\n')}\n---\n`;
}
