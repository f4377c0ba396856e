import 'reflect-metadata';
import { Body, Controller, Get, HttpCode, Module, Post, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsIn, IsString, MaxLength } from 'class-validator';

/**
 * The reference the HTTP benchmarks compare the ledger with: the framework the ledger runs on
 * (NestJS on Fastify, with a global `ValidationPipe` and a class-validator DTO the size of a
 * ledger command) doing nothing but answering. `node reference-hello-world.js <port>`.
 */
class HelloDto {
  @IsString()
  @MaxLength(200)
  participantId!: string;

  @IsString()
  @MaxLength(200)
  name!: string;

  @IsIn(['state', 'regional-organisation'])
  kind!: string;

  @IsString()
  occurredAt!: string;
}

@Controller('hello')
class HelloController {
  @Get()
  hello(): { hello: string } {
    return { hello: 'world' };
  }

  @Post()
  @HttpCode(201)
  record(@Body() body: HelloDto): { recorded: string } {
    return { recorded: body.participantId };
  }
}

@Module({ controllers: [HelloController] })
class HelloModule {}

async function main(): Promise<void> {
  const port = Number(process.argv[2] ?? 3999);
  const app = await NestFactory.create<NestFastifyApplication>(HelloModule, new FastifyAdapter(), { logger: ['error'] });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }));
  await app.listen(port, '127.0.0.1');
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

void main();
