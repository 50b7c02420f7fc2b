/** Field checks for untrusted JSON: each failure names the field, so the error message can too. */

export class FieldError extends Error {
  constructor(readonly field: string, reason: string) {
    super(`${field}: ${reason}`);
  }
}

export type Obj = Record<string, unknown>;

export { isObject } from '../shared/guards';

export function str(o: Obj, field: string, max = 10_000_000): string {
  const value = o[field];
  if (typeof value !== 'string') throw new FieldError(field, `expected text, got ${describe(value)}`);
  if (value.length > max) throw new FieldError(field, `longer than ${max} characters`);
  return value;
}

export function strOrNull(o: Obj, field: string, max?: number): string | null {
  return o[field] === null || o[field] === undefined ? null : str(o, field, max);
}

export function optStr(o: Obj, field: string, max?: number): string | undefined {
  return o[field] === undefined ? undefined : str(o, field, max);
}

export function bool(o: Obj, field: string): boolean {
  if (typeof o[field] !== 'boolean') throw new FieldError(field, `expected true or false, got ${describe(o[field])}`);
  return o[field];
}

export function num(o: Obj, field: string, min: number, max: number, integer = false): number {
  const value = o[field];
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max || (integer && !Number.isInteger(value))) {
    throw new FieldError(field, `expected ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}, got ${describe(value)}`);
  }
  return value;
}

/** An ISO 8601 date-time that `Date` understands, returned as written (a backup is lossless). */
export function isoDate(o: Obj, field: string): string {
  const value = str(o, field, 100);
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)$/.test(value) || Number.isNaN(Date.parse(value))) {
    throw new FieldError(field, `expected an ISO 8601 date-time, got ${describe(value)}`);
  }
  return value;
}

export function webUrl(o: Obj, field: string): string {
  const value = str(o, field, 8192);
  if (!isWebUrl(value)) throw new FieldError(field, `expected an http(s) URL, got ${describe(value)}`);
  return value;
}

export function isWebUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  if (Array.isArray(value)) return 'a list';
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : typeof value === 'number' || typeof value === 'boolean' ? String(value) : typeof value;
}
