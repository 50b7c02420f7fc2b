/**
 * Save a file the way a web page does: a blob URL and a click on `<a download>`. Extension pages may do
 * this without the `downloads` permission (which would add an install-time warning); the browser's own
 * download UI takes over from there. The blob URL is revoked after the click has been handled.
 */
export function downloadFile(name: string, data: string | Uint8Array | Blob, type: string): void {
  const blob = data instanceof Blob ? new Blob([data], { type }) : new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Firefox reads the blob after click() returns: revoke a little later, not synchronously.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const MIME = {
  markdown: 'text/markdown;charset=utf-8',
  html: 'text/html;charset=utf-8',
  epub: 'application/epub+zip',
  json: 'application/json;charset=utf-8',
  zip: 'application/zip',
} as const;
