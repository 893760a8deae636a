/**
 * Errors in Django REST Framework's shapes, thrown by handlers and turned into responses in one
 * place (the app). 400 bodies follow `ValidationError` (field → messages, `non_field_errors`),
 * bulk 400 bodies `BulkValidationError` (one object per item, `{}` when fine), everything else
 * `ErrorDetail` (`{ detail }`).
 */
export type ValidationBody = { [field: string]: string[] | ValidationBody };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body === 'object' && body && 'detail' in body ? String((body as { detail: unknown }).detail) : `HTTP ${status}`);
  }
}

export const detailError = (status: number, detail: string, headers?: Record<string, string>): ApiError =>
  new ApiError(status, { detail }, headers);

export const validationError = (body: ValidationBody | ValidationBody[]): ApiError => new ApiError(400, body);

export const fieldError = (field: string, message: string): ApiError => validationError({ [field]: [message] });

export const nonFieldError = (message: string): ApiError => validationError({ non_field_errors: [message] });

export const notFound = (): ApiError => detailError(404, 'Not found.');

/** Adds `message` under `field` (creating the list). */
export function addMessage(errors: ValidationBody, field: string, message: string): void {
  const existing = errors[field];
  if (Array.isArray(existing)) existing.push(message);
  else errors[field] = [message];
}

export const isEmpty = (errors: ValidationBody): boolean => Object.keys(errors).length === 0;
