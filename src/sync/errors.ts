import type { SyncErrorCode } from '../shared/sync';

/** Why a sync stopped, as a code the options page says in words (`syncError_<code>`) and a plain-text detail. */
export class SyncError extends Error {
  constructor(public code: SyncErrorCode, detail = '') {
    super(detail || code);
    this.name = 'SyncError';
  }
  get detail(): string {
    return this.message === this.code ? '' : this.message;
  }
}

/** An HTTP answer as the user should hear it. 412 is a precondition that failed: another writer won. */
export function httpError(status: number, what: string): SyncError {
  if (status === 401 || status === 403) return new SyncError('auth', `HTTP ${status}`);
  if (status === 507 || status === 413) return new SyncError('quota', `HTTP ${status} (${what})`);
  if (status === 405 || status === 501) return new SyncError('notWebdav', `HTTP ${status} (${what})`);
  if (status === 412 || status === 409 || status === 423) return new SyncError('conflict', `HTTP ${status} (${what})`);
  if (status === 502 || status === 503 || status === 504) return new SyncError('unreachable', `HTTP ${status}`);
  return new SyncError('server', `HTTP ${status} (${what})`);
}
