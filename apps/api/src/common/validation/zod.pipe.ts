import { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { AppError, TFieldError } from '../errors/app-error';

/**
 * Validates a body, query or params object with a zod schema:
 * `@Body(new ZodPipe(ZLoginRequest)) body: TLoginRequest`.
 * Failure is a 400 VALIDATION_FAILED naming every field at fault. Use z.strictObject for
 * bodies so that unknown keys are refused rather than silently dropped.
 */
export class ZodPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    return parseOrThrow(this.schema, value);
  }
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new AppError('VALIDATION_FAILED', 'The request is not valid', zodFieldErrors(result.error));
}

export function zodFieldErrors(error: z.ZodError): TFieldError[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(body)',
    message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
  }));
}
