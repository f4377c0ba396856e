import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AsyncApiDocument, asyncApiDocument } from '@concord/integration';
import { Public } from '../auth/public.decorator';
import { PUBLIC_URL } from './public-url';

/** The AsyncAPI companion of `/openapi.json`: how events leave the ledger, open like the OpenAPI document. */
@ApiTags('schemas')
@Public()
@Controller()
export class AsyncApiController {
  // Built once, when the app starts: the schemas it is made of cannot change while it runs.
  private readonly document: AsyncApiDocument;

  constructor(@Inject(PUBLIC_URL) publicUrl: string) {
    this.document = asyncApiDocument(publicUrl);
  }

  @Get('asyncapi.json')
  @ApiOperation({ summary: 'The AsyncAPI 3.0 document of the event stream (SSE) and webhook deliveries; needs no key' })
  asyncApi(): AsyncApiDocument {
    return this.document;
  }
}
