import { ApiError, type ApiErrorBody } from '../api/client';

/** For calls answered without a body (204): resolves when 2xx, or throws an ApiError. */
export async function expectOk(
  call: Promise<{ error?: unknown; response: Response }>,
): Promise<true> {
  const { error, response } = await call;
  if (!response.ok) {
    throw new ApiError(response.status, (error ?? undefined) as Partial<ApiErrorBody> | undefined);
  }
  return true;
}

/** The HTTP status of an ApiError (or undefined for a network failure). */
export function statusOf(error: unknown): number | undefined {
  return error instanceof ApiError ? error.status : undefined;
}
