import { CheckpointAnswer, CheckpointListAnswer, ConsistencyProofAnswer, InclusionProofAnswer, SigningKeysAnswer } from '../openapi/answers';
import { Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { FieldError } from '@concord/ledger';
import { AuditProofs, TreeFollower, checkpointView } from '@concord/transparency';
import { OnlyRoles } from '../auth/roles.decorator';
import { ApiProblem } from '../http/api-problem';
import { boundedInteger } from '../http/bounded-integer';
import { queryParameters, QueryString } from '../http/time-point.query';

const MAX_POSITION = Number.MAX_SAFE_INTEGER;
const MAX_CHECKPOINTS = 1000;

/** Reads integer query parameters, all errors at once. */
function integers(query: QueryString, spec: Readonly<Record<string, { minimum: number; maximum: number }>>): Record<string, number | undefined> {
  const parameters = queryParameters(query, Object.keys(spec), { timePoint: false });
  const errors: FieldError[] = [];
  const values = Object.fromEntries(
    Object.entries(spec).map(([name, { minimum, maximum }]) => {
      const raw = parameters[name];
      return [name, raw === undefined ? undefined : boundedInteger(name, raw, minimum, maximum, errors)];
    }),
  );
  if (errors.length > 0) throw new ApiProblem('validation-failed', errors.map((e) => `${e.field} ${e.messages.join('; ')}`).join('; '), { errors });
  return values;
}

function required(values: Record<string, number | undefined>, name: string): number {
  const value = values[name];
  if (value === undefined) throw new ApiProblem('validation-failed', `${name} is required`, { errors: [{ field: name, messages: ['is required'] }] });
  return value;
}

/**
 * The transparency log: signed checkpoints of the ledger's Merkle tree (C2SP tlog-checkpoint,
 * signed-note, Ed25519) and the RFC 9162 proofs that tie events and later checkpoints to them.
 */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(
    private readonly audit: AuditProofs,
    private readonly follower: TreeFollower,
  ) {}

  @Get('checkpoint')
  @Header('content-type', 'text/plain; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOperation({
    summary: 'The latest checkpoint, byte for byte as signed: origin, tree size, base64 root hash, a blank line, the signature lines',
    description: 'Save it: any later checkpoint can be proven to extend it (`GET /v1/audit/proofs/consistency`).',
  })
  async checkpoint(): Promise<string> {
    return (await this.audit.latest()).note;
  }

  @Get('checkpoints')
  @ApiOperation({ summary: 'Checkpoints of at least `fromSize` events, smallest first: size, root, note, key and when signed' })
  @ApiQuery({ name: 'fromSize', required: false, schema: { type: 'integer', minimum: 0, default: 0 } })
  @ApiQuery({ name: 'limit', required: false, schema: { type: 'integer', minimum: 1, maximum: MAX_CHECKPOINTS, default: 100 } })
  list(@Query() query: QueryString): Promise<CheckpointListAnswer> {
    const values = integers(query, { fromSize: { minimum: 0, maximum: MAX_POSITION }, limit: { minimum: 1, maximum: MAX_CHECKPOINTS } });
    return this.audit.checkpoints(values['fromSize'] ?? 0, values['limit'] ?? 100);
  }

  @Post('checkpoints')
  @HttpCode(200)
  @OnlyRoles('auditor', 'secretariat', 'admin')
  @ApiOperation({ summary: 'Sign a checkpoint of the log as it is now (if it grew since the latest) and return it' })
  async sign(): Promise<CheckpointAnswer> {
    return checkpointView(await this.follower.signNow());
  }

  @Get('keys')
  @ApiOperation({ summary: "Every key that signed checkpoints, in Go's note verifier format and as PEM, with when it signed" })
  keys(): Promise<SigningKeysAnswer> {
    return this.audit.keys();
  }

  @Get('proofs/inclusion')
  @ApiOperation({ summary: 'RFC 9162 inclusion proof of the event at `position` in the tree of `treeSize` events (default: the latest checkpoint)' })
  @ApiQuery({ name: 'position', required: true, schema: { type: 'integer', minimum: 1 } })
  @ApiQuery({ name: 'treeSize', required: false, schema: { type: 'integer', minimum: 1 } })
  inclusion(@Query() query: QueryString): Promise<InclusionProofAnswer> {
    const values = integers(query, { position: { minimum: 1, maximum: MAX_POSITION }, treeSize: { minimum: 1, maximum: MAX_POSITION } });
    return this.audit.inclusion(required(values, 'position'), values['treeSize']);
  }

  @Get('proofs/consistency')
  @ApiOperation({ summary: 'RFC 9162 consistency proof: the tree of `to` events keeps the tree of `from` events unchanged' })
  @ApiQuery({
    name: 'from',
    required: true,
    description: 'The size of the checkpoint saved; 0 is the empty tree a new ledger signs first, a prefix of every tree, whose proof is empty',
    schema: { type: 'integer', minimum: 0 },
  })
  @ApiQuery({ name: 'to', required: true, schema: { type: 'integer', minimum: 0 } })
  consistency(@Query() query: QueryString): Promise<ConsistencyProofAnswer> {
    const values = integers(query, { from: { minimum: 0, maximum: MAX_POSITION }, to: { minimum: 0, maximum: MAX_POSITION } });
    const [from, to] = [required(values, 'from'), required(values, 'to')];
    if (from > to)
      throw new ApiProblem('validation-failed', `from (${from}) must not exceed to (${to})`, { errors: [{ field: 'from', messages: ['must not exceed to'] }] });
    return this.audit.consistency(from, to);
  }
}
