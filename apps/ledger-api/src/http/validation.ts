import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ApiProblem } from './api-problem';

export interface FieldError {
  readonly field: string;
  readonly messages: string[];
}

function flatten(errors: readonly ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = error.constraints ? [{ field, messages: Object.values(error.constraints) }] : [];
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

/**
 * Unknown fields are refused, never stored and never silently dropped; every failing field is
 * named so the secretariat can fix the record in one go.
 */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      const summary = fields.map((f) => `${f.field}: ${f.messages.join('; ')}`).join(' | ');
      return new ApiProblem('validation-failed', summary || 'the request is not valid', { errors: fields });
    },
  });
}
