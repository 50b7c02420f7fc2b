/**
 * The worker's one request to Chrome's offscreen document (a page with a DOM): extract this HTML.
 * Addressed with `target` so the worker's own router and other pages leave it alone.
 */
export interface OffscreenRequest {
  target: 'offscreen';
  type: 'extractHtml';
  data: { html: string; url: string };
}

export function isOffscreenRequest(message: unknown): message is OffscreenRequest {
  if (typeof message !== 'object' || message === null) return false;
  const m = message as Partial<OffscreenRequest>;
  return m.target === 'offscreen' && m.type === 'extractHtml' && typeof m.data?.html === 'string' && typeof m.data.url === 'string';
}
