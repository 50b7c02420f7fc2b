/**
 * Compaction and tombstone expiry, the pure rules (docs/sync.md, "Tombstones and compaction"). The I/O is
 * in snapshot.ts and run.ts.
 *
 * - A **snapshot** is a device's whole library (records, clocks, tombstones not yet expired) as it was
 *   when it had applied `covers`: it holds everything those files hold, so a reader that applies it may
 *   skip them. Each device writes its own; the newest one covering the most is what a new device reads.
 * - A device deletes its own files 1..k once every known device has applied them and its snapshot covers
 *   them (`base` in its head says so: a reader that has not applied them reads a snapshot instead).
 * - A tombstone may expire (leave snapshots and the local `syncMeta:<id>`) once no data on the server can
 *   bring the article back: every device whose data is still read wrote all of it after applying the file
 *   with the deletion (`floor`). A device that had not seen the deletion holds a live copy in its
 *   snapshot or files, so a new device would otherwise get the article back.
 * - A device not heard from for RETIRE_MS stops counting as known (one lost laptop must not keep every
 *   tombstone forever), once another device's snapshot holds all of its files ("adopted"): its files are
 *   no longer read. When it comes back it notices (its own head's `seen`), reads a snapshot again and
 *   removes what was deleted meanwhile instead of bringing it back (run.ts `rejoin`).
 */
import type { Head, Vector } from './files';

const DAY_MS = 24 * 60 * 60 * 1000;
export const RETIRE_MS = 90 * DAY_MS;
/** A device rewrites its head at least this often, so the others know it is alive. */
export const SEEN_REFRESH_MS = DAY_MS;
/**
 * A coming-back device re-reads a day before the others stop counting it: clocks of two computers
 * differ, and re-reading too early only costs a snapshot download.
 */
const REJOIN_MARGIN_MS = DAY_MS;

const isRetired = (head: Head, now: number, margin = 0) => head.seen !== null && now - head.seen > RETIRE_MS - margin;

/** Some other device's snapshot holds every file `head` wrote: nobody needs its files any more. */
const isAdopted = (head: Head, heads: Head[]) =>
  heads.some((h) => h.device !== head.device && h.snap !== null && (h.snap.covers[head.device] ?? 0) >= head.last);

/** A device whose files are not read any more: retired and adopted. */
export const isGone = (head: Head, heads: Head[], now: number) => isRetired(head, now) && isAdopted(head, heads);

/** The files of `head` that are not there to read: below its base, or all of them once it is gone. */
const unreadableUpTo = (head: Head, heads: Head[], now: number) => (isGone(head, heads, now) ? head.last : head.base);

/**
 * The snapshot a reader should apply before reading files, or null. A reader must when it has not applied
 * files that are gone; a reader that has applied nothing at all (a new device) does whenever there is a
 * snapshot: one snapshot is the library once, the journals are its whole history once per device.
 * Of the useful ones, the one covering the most.
 */
export function snapshotToRead(others: Head[], applied: Vector, now: number): Head | null {
  const all = others;
  const gaps = others.filter((h) => (applied[h.device] ?? 0) < unreadableUpTo(h, all, now));
  const fresh = Object.values(applied).every((n) => n === 0);
  // A gone device's snapshot is never read: it may be older than deletions that expired since.
  const useful = others.filter((h) => h.snap !== null && !isGone(h, all, now) && (fresh
    ? Object.entries(h.snap.covers).some(([d, n]) => n > (applied[d] ?? 0))
    : gaps.some((g) => (h.snap!.covers[g.device] ?? 0) >= unreadableUpTo(g, all, now))));
  if (!fresh && gaps.length === 0) return null;
  const reach = (h: Head) => Object.values(h.snap!.covers).reduce((sum, n) => sum + n, 0);
  return useful.sort((a, b) => reach(b) - reach(a))[0] ?? null;
}

/** `applied` raised to what a snapshot covers (this device's own files are not counted in it). */
export function raise(applied: Vector, covers: Vector, me: string): Vector {
  const next = { ...applied };
  for (const [device, n] of Object.entries(covers)) if (device !== me && n > (next[device] ?? 0)) next[device] = n;
  return next;
}

/**
 * How many of my own files every known device has applied: those may go once a snapshot of mine holds
 * them. With no other known device, all of them.
 */
export function collectableUpTo(me: string, last: number, others: Head[], now: number): number {
  const known = others.filter((h) => h.device !== me && !isRetired(h, now));
  return Math.min(last, ...known.map((h) => h.applied[me] ?? 0));
}

/** Componentwise minimum; a device missing from one vector counts as 0 there. */
export function minVector(vectors: Vector[]): Vector {
  const devices = new Set(vectors.flatMap((v) => Object.keys(v)));
  return Object.fromEntries([...devices].map((d) => [d, Math.min(...vectors.map((v) => v[d] ?? 0))]));
}

const covered = (floor: Vector, need: Vector) => Object.entries(need).every(([d, n]) => (floor[d] ?? 0) >= n);

/**
 * The applied vector when each of my files was written: a list of [first file, vector], oldest first.
 * Applied only grows, so a file's vector is that of the last entry at or before it.
 */
export type WrittenLog = Array<[number, Vector]>;
export const WRITTEN_LOG_MAX = 64;

export function vectorAt(log: WrittenLog, file: number): Vector {
  let found: Vector = {};
  for (const [first, vector] of log) if (first <= file) found = vector;
  return found;
}

/** Log file `n` written with `applied`; the log stays short by forgetting entries (never by claiming more). */
export function logWritten(log: WrittenLog, n: number, applied: Vector): WrittenLog {
  const previous = log[log.length - 1];
  if (previous && JSON.stringify(previous[1]) === JSON.stringify(applied)) return log;
  const next: WrittenLog = [...log, [n, { ...applied }]];
  // Dropping entry 1 gives its files entry 0's vector, which is smaller: a floor only gets lower.
  while (next.length > WRITTEN_LOG_MAX) next.splice(1, 1);
  return next;
}

/** The log without what only files up to `base` needed. */
export function trimLog(log: WrittenLog, base: number): WrittenLog {
  const keepFrom = log.reduce((index, [first], i) => (first <= base + 1 ? i : index), 0);
  return log.slice(keepFrom);
}

/**
 * What all of a device's data on the server was written after (Head.floor): the least of its snapshot's
 * covers and the vectors its files after `base` were written with (file n: its own n-1). A device with no
 * data yet: what it has applied (anything it writes comes after that).
 */
export function floorOf(me: string, s: { base: number; last: number; applied: Vector; snap: { covers: Vector } | null; written: WrittenLog }): Vector {
  const pieces: Vector[] = [];
  if (s.snap) pieces.push(s.snap.covers);
  if (s.last > s.base) pieces.push({ ...vectorAt(s.written, s.base + 1), [me]: s.base });
  if (pieces.length === 0) return { ...s.applied, [me]: s.last };
  return minVector(pieces);
}

/**
 * Whether tombstones learnt before `need` was applied may expire: every device whose data is still read
 * wrote all of it after applying those files, so no snapshot or file left holds an older live copy.
 * Retired devices that are adopted are not read (a coming-back one removes instead of resurrecting).
 */
export function tombstonesMayExpire(need: Vector, heads: Head[], now: number): boolean {
  return heads.every((h) => isGone(h, heads, now) || covered(h.floor, need));
}

/** This device was away long enough to stop counting, and its files were adopted: it must rejoin. */
export function mustRejoin(own: Head | null, others: Head[], now: number): boolean {
  return own !== null && isRetired(own, now, REJOIN_MARGIN_MS) && isAdopted(own, [own, ...others]);
}
