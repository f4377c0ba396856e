import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { isSlug } from '@concord/governance';
import { ApiProblem } from './api-problem';

/** Path ids are slugs; anything else is a malformed request, not a missing resource. */
@Injectable()
export class SlugPipe implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (isSlug(value)) return value;
    const field = metadata.data ?? 'id';
    const message = 'must be a lowercase slug matching ^[a-z0-9][a-z0-9-]{0,63}$';
    throw new ApiProblem('validation-failed', `${field} ${message}`, { errors: [{ field, messages: [message] }] });
  }
}
