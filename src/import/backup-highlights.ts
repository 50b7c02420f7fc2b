/** The highlights of a backup record (src/shared/highlight.ts), checked field by field like the record. */
import { HIGHLIGHT_COLORS, type Highlight, type HighlightColor, type TextPosition } from '../shared/highlight';
import { describe, FieldError, isObject, num, str, type Obj } from './check';

const MAX_HIGHLIGHTS = 10_000;
const MAX_TIME = 8.64e15; // the largest Date

/** `value` as a list of highlights, or a FieldError naming the first bad one and its field. Unknown fields are dropped. */
export function checkHighlights(value: unknown): Highlight[] {
  if (!Array.isArray(value)) throw new FieldError('highlights', `expected a list, got ${describe(value)}`);
  if (value.length > MAX_HIGHLIGHTS) throw new FieldError('highlights', `more than ${MAX_HIGHLIGHTS} highlights`);
  const ids = new Set<string>();
  return value.map((h: unknown, i) => {
    try {
      const highlight = checkHighlight(h);
      if (ids.has(highlight.id)) throw new FieldError('id', `${JSON.stringify(highlight.id)} appears twice`);
      ids.add(highlight.id);
      return highlight;
    } catch (error) {
      if (error instanceof FieldError) throw new FieldError(`highlights[${i}].${error.field}`, error.message.slice(error.field.length + 2));
      throw error;
    }
  });
}

function checkHighlight(h: unknown): Highlight {
  if (!isObject(h)) throw new FieldError('highlight', `expected an object, got ${describe(h)}`);
  const id = str(h, 'id', 200);
  if (!id.trim()) throw new FieldError('id', 'is empty');
  if (!isObject(h.quote)) throw new FieldError('quote', `expected an object, got ${describe(h.quote)}`);
  const quote = { exact: str(h.quote, 'exact', 1_000_000), prefix: str(h.quote, 'prefix', 1000), suffix: str(h.quote, 'suffix', 1000) };
  if (!quote.exact) throw new FieldError('quote.exact', 'is empty');
  const createdAt = num(h, 'createdAt', 0, MAX_TIME, true);
  const updatedAt = num(h, 'updatedAt', 0, MAX_TIME, true);
  return { id, quote, position: position(h), color: color(h), note: str(h, 'note', 1_000_000), createdAt, updatedAt };
}

function position(h: Obj): TextPosition | null {
  const value = h.position ?? null;
  if (value === null) return null;
  if (!isObject(value)) throw new FieldError('position', `expected an object or null, got ${describe(value)}`);
  const start = num(value, 'start', 0, Number.MAX_SAFE_INTEGER, true);
  const end = num(value, 'end', start, Number.MAX_SAFE_INTEGER, true);
  return { start, end };
}

function color(h: Obj): HighlightColor {
  const value = h.color;
  if (!HIGHLIGHT_COLORS.includes(value as HighlightColor)) {
    throw new FieldError('color', `expected one of ${HIGHLIGHT_COLORS.join(', ')}, got ${describe(value)}`);
  }
  return value as HighlightColor;
}
