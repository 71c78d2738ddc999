/** One error model: services throw these; the error middleware turns them into pages or JSON. */
export type FieldErrors = Record<string, string>;

export class AppError extends Error {
  readonly status: number = 500;
  readonly code: string = 'internal_error';
  readonly details?: unknown;
  readonly expose: boolean = false;
  constructor(message: string, details?: unknown) {
    super(message);
    this.name = new.target.name;
    this.details = details;
  }
}

export class NotFoundError extends AppError {
  override readonly status = 404;
  override readonly code = 'not_found';
  override readonly expose = true;
}

export class ValidationError extends AppError {
  override readonly status = 400;
  override readonly code = 'invalid_request';
  override readonly expose = true;
  constructor(
    message: string,
    readonly fields: FieldErrors = {},
  ) {
    super(message, Object.keys(fields).length ? { fields } : undefined);
  }
}

export class ConflictError extends AppError {
  override readonly status = 409;
  override readonly code = 'conflict';
  override readonly expose = true;
}

export class ForbiddenError extends AppError {
  override readonly status = 403;
  override readonly code = 'forbidden';
  override readonly expose = true;
}

export class ServiceUnavailableError extends AppError {
  override readonly status = 503;
  override readonly code = 'service_unavailable';
  override readonly expose = true;
}
