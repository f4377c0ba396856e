import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { Text } from '../../http/field-rules';
import { ROLES } from '../api-keys';
import type { Role } from '../api-keys';

export class IssueKeyDto {
  @Text(
    'name',
    "Who will hold the key, e.g. a clerk's full name: every event it records names them as its actor. Unique among keys not revoked.",
    'Amina Okafor',
  )
  name!: string;

  @ApiProperty({
    description: 'What the key may do: secretariat records, auditor and integrator read (integrators also manage their webhooks), admin manages keys.',
    enum: ROLES,
    example: 'secretariat',
  })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;
}
