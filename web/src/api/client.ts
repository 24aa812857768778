import createClient, { type Middleware } from 'openapi-fetch';
import { getApiKey, notifyUnauthorized } from '../auth/api-key';
import type { components, paths } from './zigral-api';

/** The API's schemas, generated from the service's OpenAPI document (`npm run check:client`). */
export type Schemas = components['schemas'];
export type ApiErrorBody = Schemas['ErrorResponseDto'];

/** Headers every API call carries: the session's key, when there is one. */
export function authHeaders(): Record<string, string> {
  const key = getApiKey();
  return key ? { Authorization: `Bearer ${key}` } : {};
}

const auth: Middleware = {
  onRequest({ request }) {
    for (const [name, value] of Object.entries(authHeaders())) request.headers.set(name, value);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) notifyUnauthorized();
    return response;
  },
};

/** The typed client of the service that serves this app (same origin). */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(auth);

/** An API answer that is not 2xx, with the service's error body when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: Partial<ApiErrorBody> | undefined,
  ) {
    super(body?.message ?? `The service answered ${status}`);
    this.name = 'ApiError';
  }
}

/** The data of an openapi-fetch call, or an ApiError. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || data === undefined) {
    throw new ApiError(response.status, (error ?? undefined) as Partial<ApiErrorBody> | undefined);
  }
  return data;
}

/** fetch with the session's key, for what openapi-fetch does not cover (uploads, downloads, SSE). */
export async function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  for (const [name, value] of Object.entries(authHeaders())) headers.set(name, value);
  const response = await fetch(path, { ...init, headers });
  if (response.status === 401) notifyUnauthorized();
  if (!response.ok) {
    const body = await response.json().catch(() => undefined);
    throw new ApiError(response.status, body as Partial<ApiErrorBody> | undefined);
  }
  return response;
}

/** Downloads a file through fetch (the key in a header, never in a URL) and saves it. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const response = await apiFetch(path);
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallbackName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
