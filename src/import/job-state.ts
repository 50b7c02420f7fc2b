/** A persisted import job read back from storage: checked, since storage reads are a boundary too. */
import { describe, FieldError, isObject } from './check';
import { isImportAccess } from './host-access';
import { checkUrl } from './item';
import { JOB_VERSION, type ImportJob, type JobItem } from './job';

const STATUSES = new Set(['pending', 'done', 'failed']);
const STATES = new Set(['running', 'paused', 'cancelled', 'finished']);

/** The job in `value` (as stored: a JSON round trip of an ImportJob); throws FieldError when it is not one. */
export function restoreJob(value: unknown): ImportJob {
  if (!isObject(value)) throw new FieldError('job', `expected an object, got ${describe(value)}`);
  if (value.version !== JOB_VERSION) throw new FieldError('version', `unknown job version ${describe(value.version)}`);
  for (const field of ['id', 'source', 'createdAt', 'updatedAt'] as const) {
    if (typeof value[field] !== 'string') throw new FieldError(field, `expected text, got ${describe(value[field])}`);
  }
  if (!STATES.has(value.state as string)) throw new FieldError('state', `unknown state ${describe(value.state)}`);
  if (!Array.isArray(value.items)) throw new FieldError('items', 'expected a list');
  if (value.access !== undefined && !isImportAccess(value.access)) throw new FieldError('access', 'expected the access an import asks for');
  const items = value.items.map((item, i) => {
    try {
      return checkJobItem(item);
    } catch (error) {
      throw error instanceof FieldError ? new FieldError(`items[${i}].${error.field}`, error.message.replace(/^[^:]*: /, '')) : error;
    }
  });
  return { ...(value as unknown as ImportJob), items };
}

function checkJobItem(value: unknown): JobItem {
  if (!isObject(value) || !isObject(value.item)) throw new FieldError('item', 'expected an object');
  if (!STATUSES.has(value.status as string)) throw new FieldError('status', `unknown status ${describe(value.status)}`);
  if (typeof value.attempts !== 'number' || !Number.isInteger(value.attempts) || value.attempts < 0) throw new FieldError('attempts', 'expected a count');
  const { item } = value;
  if ('key' in checkUrl(item.url)) throw new FieldError('item.url', `not a web address: ${describe(item.url)}`);
  if (!Array.isArray(item.tags) || item.tags.some((t) => typeof t !== 'string')) throw new FieldError('item.tags', 'expected a list of text');
  if (item.article !== undefined && (!isObject(item.article) || typeof item.article.content !== 'string')) {
    throw new FieldError('item.article', 'expected an article with content');
  }
  return value as unknown as JobItem;
}
