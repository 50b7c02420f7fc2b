import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { SyncStatus } from '../shared/sync';
import { onSyncStatusChanged, readSyncStatus } from '../storage';

/** How often the "2 minutes ago" of the status line is brought up to date. */
const TICK_MS = 30_000;

/**
 * The sync status, live: read once, then every status the background writes (also during a sync that an
 * alarm started), plus `now` for relative times. `report(sentAt, status)` applies a message's answer unless
 * the background wrote a newer status in the meantime (`sentAt` from `mark()` when the message was sent).
 */
export function useSyncStatus() {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const writes = useRef(0);
  useEffect(() => {
    const apply = (next: SyncStatus) => {
      writes.current++;
      setStatus(next);
      setNow(Date.now());
    };
    const stop = onSyncStatusChanged(apply);
    const seen = writes.current;
    void readSyncStatus().then((s) => writes.current === seen && setStatus(s));
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => (stop(), clearInterval(timer));
  }, []);
  const mark = useCallback(() => writes.current, []);
  const report = useCallback((sentAt: number, next: SyncStatus) => {
    if (writes.current === sentAt) setStatus(next);
    setNow(Date.now());
  }, []);
  return { status, now, mark, report };
}
