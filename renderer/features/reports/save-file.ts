import type { ReportFile } from '../../../shared/contract/reports';

/** base64 → bytes (atob gives a binary string: one char per byte). */
export function decodeBase64(base64: string): Uint8Array {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Hands an exported file to the user as a download: in browser mode Chromium saves it where
 * the user's download settings say (or asks); in Electron the download opens the save dialog.
 * The bytes go from memory to the chosen place only: no temporary file is written by the app.
 */
export function saveFile(file: ReportFile, doc: Document = document): void {
  const blob = new Blob([decodeBase64(file.base64) as BlobPart], { type: file.mimeType });
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.appendChild(a);
  a.click();
  a.remove();
  // give the browser a moment to start the download before the URL is released
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
