import { KeyAnswer, KeyListAnswer, NewKeyAnswer } from '../../openapi/answers';
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller } from '../api-keys';
import { CallerKey } from '../caller.decorator';
import { OnlyRoles } from '../roles.decorator';
import { ApiProblem } from '../../http/api-problem';
import { IssueKeyDto } from './keys.dto';
import { KeyService } from './key-service';

const KEY_ID = /^[a-z]+-[0-9a-f]{12}$/;

/** Key management, the admin role's alone: named keys for clerks, revoked at once. */
@ApiTags('keys')
@ApiBearerAuth()
@OnlyRoles('admin')
@Controller('v1/keys')
export class KeysController {
  constructor(private readonly keys: KeyService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Issue a named key; the answer carries the key itself, shown this once (only its digest is kept)' })
  issue(@CallerKey() caller: Caller, @Body() body: IssueKeyDto): Promise<NewKeyAnswer> {
    return this.keys.issue(body.name, body.role, caller);
  }

  @Get()
  @ApiOperation({ summary: "Every key: the environment's and those issued, with role, when created and by whom, last used, revoked" })
  async list(): Promise<KeyListAnswer> {
    return { keys: await this.keys.list() };
  }

  @Delete(':keyId')
  @ApiOperation({ summary: 'Revoke an issued key: refused from the next request on, on every instance; revoking again changes nothing' })
  revoke(@CallerKey() caller: Caller, @Param('keyId') keyId: string): Promise<KeyAnswer> {
    if (!KEY_ID.test(keyId))
      throw new ApiProblem('validation-failed', 'keyId must be a key id as GET /v1/keys lists it', {
        errors: [{ field: 'keyId', messages: ['must be a key id as GET /v1/keys lists it'] }],
      });
    return this.keys.revoke(keyId, caller);
  }
}
