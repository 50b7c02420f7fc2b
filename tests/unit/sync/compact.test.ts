import {
  collectableUpTo, floorOf, isGone, logWritten, minVector, mustRejoin, RETIRE_MS, snapshotToRead, tombstonesMayExpire, trimLog, vectorAt, WRITTEN_LOG_MAX,
} from '../../../src/sync/compact';
import { parseHead, type Head } from '../../../src/sync/files';

const A = 'aaaaaaaaaaaaaaaa';
const B = 'bbbbbbbbbbbbbbbb';
const C = 'cccccccccccccccc';
const NOW = Date.UTC(2026, 5, 1);
const DAY = 24 * 60 * 60 * 1000;

const head = (device: string, h: Partial<Head> = {}): Head => ({ device, last: 0, applied: {}, base: 0, snap: null, floor: {}, seen: NOW, ...h });

describe('which own files may go', () => {
  test('those every known device has applied; all of them when no other device is known', () => {
    const others = [head(B, { applied: { [A]: 7 } }), head(C, { applied: { [A]: 4 } })];
    expect(collectableUpTo(A, 9, others, NOW)).toBe(4);
    expect(collectableUpTo(A, 9, [], NOW)).toBe(9);
  });

  test('a device not heard from for 90 days no longer holds them back', () => {
    const away = head(C, { applied: { [A]: 1 }, seen: NOW - RETIRE_MS - 1 });
    expect(collectableUpTo(A, 9, [head(B, { applied: { [A]: 7 } }), away], NOW)).toBe(7);
    expect(collectableUpTo(A, 9, [head(B, { applied: { [A]: 7 } }), { ...away, seen: NOW - RETIRE_MS + DAY }], NOW)).toBe(1);
  });

  test('a head from before compaction existed (no seen) always counts', () => {
    expect(collectableUpTo(A, 9, [head(B, { applied: { [A]: 2 }, seen: null })], NOW + 10 * RETIRE_MS)).toBe(2);
  });
});

describe('which snapshot a reader applies', () => {
  const snapA = head(A, { last: 10, base: 6, snap: { seq: 2, parts: 3, covers: { [A]: 10, [B]: 5 } } });
  const snapB = head(B, { last: 5, base: 0, snap: { seq: 1, parts: 1, covers: { [A]: 3, [B]: 5 } } });

  test('a device that applied files that are still there reads files, not a snapshot', () => {
    expect(snapshotToRead([snapA, snapB], { [A]: 6, [B]: 1 }, NOW)).toBeNull();
  });

  test('a device missing files that are gone reads a snapshot that covers them', () => {
    expect(snapshotToRead([snapA, snapB], { [A]: 2, [B]: 5 }, NOW)?.device).toBe(A);
  });

  test('a new device reads the snapshot covering the most', () => {
    expect(snapshotToRead([snapB, snapA], {}, NOW)?.device).toBe(A);
    expect(snapshotToRead([head(B, { last: 4 })], {}, NOW)).toBeNull(); // no snapshot anywhere: files
  });

  test("a gone device's snapshot is never read (it may predate expired deletions)", () => {
    const gone = { ...snapA, seen: NOW - RETIRE_MS - 1 };
    const adopter = head(B, { last: 5, snap: { seq: 1, parts: 1, covers: { [A]: 10, [B]: 5 } } });
    expect(isGone(gone, [gone, adopter], NOW)).toBe(true);
    expect(snapshotToRead([gone, adopter], {}, NOW)?.device).toBe(B);
  });
});

describe('when tombstones may expire', () => {
  const need = { [A]: 8, [B]: 3 };

  test('only when every device wrote all its data after the files with the deletions', () => {
    const heads = [head(A, { floor: { [A]: 8, [B]: 3 } }), head(B, { floor: { [A]: 8, [B]: 4 } })];
    expect(tombstonesMayExpire(need, heads, NOW)).toBe(true);
    // C has applied everything, but its oldest file was written before it saw A's file 8: it may hold a live copy.
    expect(tombstonesMayExpire(need, [...heads, head(C, { applied: { [A]: 9, [B]: 3 }, floor: { [A]: 7, [B]: 3 } })], NOW)).toBe(false);
  });

  test('a device away 90 days holds them back until a snapshot holds its files, then not', () => {
    const away = head(C, { last: 4, floor: {}, seen: NOW - RETIRE_MS - 1 });
    const a = head(A, { floor: need, snap: { seq: 1, parts: 1, covers: { [A]: 8, [B]: 3, [C]: 3 } } });
    const b = head(B, { floor: need });
    expect(tombstonesMayExpire(need, [a, b, away], NOW)).toBe(false);
    const adopting = { ...a, snap: { seq: 2, parts: 1, covers: { [A]: 8, [B]: 3, [C]: 4 } } };
    expect(tombstonesMayExpire(need, [adopting, b, away], NOW)).toBe(true);
  });
});

describe('a device coming back', () => {
  const adopter = head(A, { snap: { seq: 1, parts: 1, covers: { [A]: 5, [C]: 4 } } });

  test('must rejoin when it was away long enough and a snapshot holds its files', () => {
    expect(mustRejoin(head(C, { last: 4, seen: NOW - RETIRE_MS - 1 }), [adopter], NOW)).toBe(true);
    // A day early too: the others' clocks may run ahead.
    expect(mustRejoin(head(C, { last: 4, seen: NOW - RETIRE_MS + DAY / 2 }), [adopter], NOW)).toBe(true);
    expect(mustRejoin(head(C, { last: 4, seen: NOW - 30 * DAY }), [adopter], NOW)).toBe(false);
    // Its files are still read by everyone (no snapshot holds file 6): nothing expired because of it.
    expect(mustRejoin(head(C, { last: 6, seen: NOW - RETIRE_MS - 1 }), [adopter], NOW)).toBe(false);
  });
});

describe("a device's floor", () => {
  test('the least of its snapshot and the files after its base', () => {
    let log = logWritten([], 1, {});
    log = logWritten(log, 2, { [B]: 1 });
    log = logWritten(log, 3, { [B]: 1 }); // same vector: no new entry
    log = logWritten(log, 4, { [B]: 6 });
    expect(log).toEqual([[1, {}], [2, { [B]: 1 }], [4, { [B]: 6 }]]);
    expect(vectorAt(log, 3)).toEqual({ [B]: 1 });
    const snap = { covers: { [A]: 4, [B]: 6 } };
    expect(floorOf(A, { base: 4, last: 4, applied: { [B]: 6 }, snap, written: log })).toEqual({ [A]: 4, [B]: 6 });
    expect(floorOf(A, { base: 2, last: 4, applied: { [B]: 6 }, snap, written: log })).toEqual({ [A]: 2, [B]: 1 });
    expect(floorOf(A, { base: 0, last: 4, applied: { [B]: 6 }, snap: null, written: log })).toEqual({ [A]: 0 });
    // No data on the server at all: whatever it writes comes after what it has applied.
    expect(floorOf(A, { base: 0, last: 0, applied: { [B]: 6 }, snap: null, written: [] })).toEqual({ [A]: 0, [B]: 6 });
    expect(trimLog(log, 2)).toEqual([[2, { [B]: 1 }], [4, { [B]: 6 }]]);
    expect(trimLog(log, 3)).toEqual([[4, { [B]: 6 }]]);
  });

  test('a long log forgets entries by giving files a smaller vector, never a larger one', () => {
    let log: ReturnType<typeof logWritten> = [];
    for (let n = 1; n <= 200; n++) log = logWritten(log, n, { [B]: n });
    expect(log.length).toBeLessThanOrEqual(WRITTEN_LOG_MAX);
    for (let n = 1; n <= 200; n++) expect(vectorAt(log, n)[B]!).toBeLessThanOrEqual(n);
    expect(vectorAt(log, 200)).toEqual({ [B]: 200 });
  });

  test('minVector counts a missing device as 0', () => {
    expect(minVector([{ [A]: 3, [B]: 2 }, { [A]: 5 }])).toEqual({ [A]: 3, [B]: 0 });
  });
});

describe('heads on the server are untrusted', () => {
  test('an old head reads with nothing compacted; damaged fields are dropped', () => {
    expect(parseHead({ device: A, last: 3, applied: { [B]: 2 } })).toEqual({ device: A, last: 3, applied: { [B]: 2 }, base: 0, snap: null, floor: {}, seen: null });
    expect(parseHead({ device: A, last: 3, applied: {}, base: 9, snap: { seq: 0, parts: 1, covers: {} }, floor: { x: 1 }, seen: -5 }))
      .toEqual({ device: A, last: 3, applied: {}, base: 0, snap: null, floor: {}, seen: null });
  });
});
