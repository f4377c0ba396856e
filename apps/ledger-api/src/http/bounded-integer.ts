import { FieldError } from '@concord/ledger';

/** A query parameter that must be a decimal integer within bounds; a wrong one is noted in `errors` and `minimum` stands in. */
export function boundedInteger(
  field: string,
  value: string,
  minimum: number,
  maximum: number,
  errors: FieldError[],
  what = `an integer from ${minimum} to ${maximum}`,
): number {
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(parsed) || parsed < minimum || parsed > maximum) {
    errors.push({ field, messages: [`must be ${what}`] });
    return minimum;
  }
  return parsed;
}
