/**
 * Hands bytes to the browser as a download: an `<a download>` on a blob: URL, which works from
 * file:// without a server and is what tests wait for (Playwright's `download` event).
 */
export function saveFile(bytes: Uint8Array | string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once click() returns; a minute covers slow machines.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
