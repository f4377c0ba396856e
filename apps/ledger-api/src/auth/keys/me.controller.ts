import { CallerAnswer } from '../../openapi/answers';
import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, RECORDING_ROLE, ROLES } from '../api-keys';
import { CallerKey } from '../caller.decorator';
import { OnlyRoles } from '../roles.decorator';

/** What any key may ask of itself: a console shows its forms only to a key that may record. */
@ApiTags('keys')
@ApiBearerAuth()
@OnlyRoles(...ROLES)
@Controller('v1/me')
export class MeController {
  @Get()
  @ApiOperation({ summary: 'The key this request is sent with: its id, holder and role, and whether it may record; never the key itself' })
  me(@CallerKey() caller: Caller): CallerAnswer {
    return { keyId: caller.keyId, name: caller.name, role: caller.role, mayRecord: caller.role === RECORDING_ROLE };
  }
}
