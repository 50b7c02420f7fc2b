/**
 * User Timing marks for `npm run bench:library` (bench/library.mjs reads them); the browser's own tools
 * show them too. Guarded: test environments may lack the User Timing API.
 */
export function measure(name: string, start: number): void {
  if (typeof performance.measure === 'function') performance.measure(name, { start, end: performance.now() });
}

export function mark(name: string): void {
  if (typeof performance.mark === 'function') performance.mark(name);
}
