import { ErrorBody, ImportJobDto, ImportPreviewDto, ImportUploadDto, type ImportSettings } from '@okno/shared';
import { ApiError, request } from './http';

const Jobs = { parse: (data: unknown) => ImportJobDto.array().parse(data) };

/**
 * Uploads an export with XMLHttpRequest, which (unlike fetch) reports upload progress: a
 * 20 MB file takes a while on a slow line. Resolves with the parsed file, rejects with ApiError.
 */
function uploadFile(file: File, onProgress: (fraction: number) => void): Promise<ImportUploadDto> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/import/files');
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError('unavailable', '', 0));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        reject(new ApiError(xhr.status >= 500 ? 'unavailable' : 'internal', xhr.statusText, xhr.status));
        return;
      }
      if (xhr.status === 201) {
        resolve(ImportUploadDto.parse(body));
        return;
      }
      const error = ErrorBody.safeParse(body);
      reject(error.success ? new ApiError(error.data.code, error.data.message, xhr.status, error.data.details) : new ApiError('internal', xhr.statusText, xhr.status));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** Import of XLSX and CSV exports: upload, preview, run, progress, report. */
export const importApi = {
  upload: uploadFile,
  preview: (jobId: string, settings: ImportSettings, signal?: AbortSignal) =>
    request('POST', `/api/import/${jobId}/preview`, ImportPreviewDto, { body: settings, signal }),
  run: (jobId: string, settings: ImportSettings) => request('POST', `/api/import/${jobId}/run`, ImportJobDto, { body: settings }),
  job: (jobId: string) => request('GET', `/api/import/${jobId}`, ImportJobDto),
  recent: () => request('GET', '/api/import', Jobs),
  reportUrl: (jobId: string) => `/api/import/${jobId}/errors.csv`,
};
