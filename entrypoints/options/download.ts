/** Saves a file through the browser's downloads (nothing leaves the machine): its text, or its parts, never joined. */
export function download(filename: string, type: string, content: string | BlobPart[]): void {
  const url = URL.createObjectURL(new Blob(typeof content === 'string' ? [content] : content, { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Text parts gathered into Blobs as they come, a few megabytes at a time: the browser may keep a Blob out of the
 * page's memory, and no string of the whole file is ever made.
 */
export class BlobParts {
  readonly blobs: Blob[] = [];
  private pending: string[] = [];
  private pendingChars = 0;

  add(part: string): void {
    this.pending.push(part);
    this.pendingChars += part.length;
    if (this.pendingChars >= 16 * 1024 * 1024) this.fold();
  }

  /** Every part, as Blobs. */
  done(): Blob[] {
    this.fold();
    return this.blobs;
  }

  private fold(): void {
    if (!this.pending.length) return;
    this.blobs.push(new Blob(this.pending));
    this.pending = [];
    this.pendingChars = 0;
  }
}
