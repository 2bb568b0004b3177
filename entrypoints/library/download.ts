/**
 * Saves text (or bytes) as a file through a temporary object URL and a link with `download`, so
 * the extension needs no `downloads` permission.
 */
export interface DownloadDeps {
  document: Document;
  createObjectURL(blob: Blob): string;
  revokeObjectURL(url: string): void;
  /** When to let go of the object URL: after the browser has started the download. */
  later(fn: () => void): void;
}

export function downloadText(content: string | Uint8Array<ArrayBuffer>, mimeType: string, fileName: string, deps: DownloadDeps): void {
  const url = deps.createObjectURL(new Blob([content], { type: mimeType }));
  const link = deps.document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  deps.document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    deps.later(() => deps.revokeObjectURL(url));
  }
}
