/**
 * One error type with a closed set of codes, mapped to HTTP status in one place. Unknown errors are
 * answered opaquely (`internal`) and never echo their message.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }

  get status(): (typeof ERROR_STATUS)[ErrorCode] {
    return ERROR_STATUS[this.code];
  }
}

/**
 * Work that can never succeed however often it is retried (a refused number, a shredded key). Workers
 * turn it into BullMQ's UnrecoverableError; the domain code stays free of queue types.
 */
export class PermanentError extends Error {
  override name = 'PermanentError';
}
