/**
 * One file sent to POST /api/compose-files. XMLHttpRequest rather than fetch: only it
 * reports upload progress (fetch has no upload progress events in browsers today). The
 * browser streams the File from disk; nothing is read into memory here.
 */

export interface UploadedFile {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

export class UploadRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly limitBytes?: number,
  ) {
    super(message);
  }
}

/**
 * Uploads `file` for the mailbox `accountId`; `onProgress` gets the fraction sent (0–1).
 * Resolves with the stored file; rejects with UploadRefused (the server's answer), or an
 * AbortError when `signal` aborts.
 */
export function uploadFile(
  file: File,
  accountId: string,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<UploadedFile> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', '/api/compose-files');
    request.setRequestHeader('X-Account-Id', accountId);
    request.setRequestHeader('X-File-Name', encodeURIComponent(file.name));
    request.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      const body = request.response as
        | (UploadedFile & { error?: string; limitBytes?: number })
        | null;
      if (request.status === 201 && body) return resolve(body);
      reject(
        new UploadRefused(request.status, body?.error ?? request.statusText, body?.limitBytes),
      );
    };
    request.onerror = () => reject(new UploadRefused(0, 'network error'));
    request.onabort = () => reject(new DOMException('upload aborted', 'AbortError'));
    signal.addEventListener('abort', () => request.abort(), { once: true });
    request.send(file);
  });
}
