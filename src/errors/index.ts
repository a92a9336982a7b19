/**
 * The error catalogue: every error the application raises on purpose has a stable machine code and
 * an HTTP status. Anything else is a bug, logged with a request id and shown as a generic 500.
 */
export const ERROR_CODES = {
  not_found: 404,
  municipality_not_found: 404,
  project_not_found: 404,
  invalid_query: 400,
  invalid_body: 400,
  invalid_form: 400,
  unauthorized: 401,
  forbidden: 403,
  csrf_failed: 403,
  conflict: 409,
  unsupported_media_type: 415,
  rate_limited: 429,
  payload_too_large: 413,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldError {
  /** Name of the parameter or form field. */
  field: string;
  /** Message for a person, already in their language. */
  message: string;
}

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    /** Human-readable detail in the request's language. */
    readonly detail: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(detail);
    this.name = 'AppError';
    this.status = ERROR_CODES[code];
  }
}

/** RFC 9457 problem details body. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  errors?: FieldError[];
}

export function problemOf(error: AppError, title: string, instance?: string): ProblemDetails {
  return {
    type: `/api/v1/problems/${error.code}`,
    title,
    status: error.status,
    detail: error.detail,
    code: error.code,
    ...(instance ? { instance } : {}),
    ...(error.fieldErrors.length ? { errors: error.fieldErrors } : {}),
  };
}
