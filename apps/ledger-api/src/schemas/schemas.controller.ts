import { SchemaListAnswer } from '../openapi/answers';
import { Controller, Get, Header, Inject, Param } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { JsonSchema } from '@concord/governance/schemas';
import { cloudEventSchema, parseVersionSegment, publishedSchemas, servedDataSchema } from '@concord/integration';
import { Public } from '../auth/public.decorator';
import { ApiProblem } from '../http/api-problem';
import { PUBLIC_URL } from './public-url';

const SCHEMA_JSON = 'application/schema+json';

/**
 * The JSON Schemas events are validated and published with, for integrators to validate and
 * generate code from. Open without a key: an envelope's `dataschema` must resolve for whoever
 * received the event, and the schemas reveal nothing about what the ledger holds.
 */
@ApiTags('schemas')
@Public()
@Controller('v1/schemas')
export class SchemasController {
  private readonly envelope: JsonSchema;

  constructor(@Inject(PUBLIC_URL) private readonly publicUrl: string) {
    this.envelope = cloudEventSchema(publicUrl);
  }

  @Get()
  @ApiOperation({ summary: 'Every event type and schema version whose data schema is published; needs no key' })
  list(): SchemaListAnswer {
    return { schemas: publishedSchemas(this.publicUrl) };
  }

  @Get('CloudEvent')
  @Header('Content-Type', SCHEMA_JSON)
  @ApiProduces(SCHEMA_JSON)
  @ApiOperation({ summary: 'The JSON Schema of the CloudEvents envelope every event leaves the ledger in, `data` left open; needs no key' })
  cloudEvent(): JsonSchema {
    return this.envelope;
  }

  @Get(':type/:version')
  @Header('Content-Type', SCHEMA_JSON)
  @ApiProduces(SCHEMA_JSON)
  @ApiOperation({
    summary:
      'The JSON Schema (draft-07) of the data of one event type at one schema version (`v1`, `v2` ...), exactly as the ledger validates it; needs no key',
  })
  eventSchema(@Param('type') type: string, @Param('version') segment: string): JsonSchema {
    const version = parseVersionSegment(segment);
    const schema = version === undefined ? undefined : servedDataSchema(this.publicUrl, type, version);
    if (schema === undefined) {
      throw new ApiProblem(
        'schema-not-found',
        `no schema is published for event type ${JSON.stringify(type)} at version ${JSON.stringify(segment)}; GET /v1/schemas lists them`,
        // Not `type`: RFC 9457 reserves that member for the problem type's URI.
        { eventType: type, version: segment },
      );
    }
    return schema;
  }
}
