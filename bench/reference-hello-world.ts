import 'reflect-metadata';
import { Body, Controller, Get, HttpCode, Module, Post, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * The reference the HTTP benchmarks compare the ledger with: the framework the ledger runs on
 * (NestJS on Fastify, with a global `ValidationPipe` and a class-validator DTO the size of a
 * ledger command) doing nothing but answering. `node reference-hello-world.js <port>`.
 *
 * With a SQLite file as second argument it is the durable hello world: each POST's body is
 * written to that file by a writer thread (`reference-durable-writer.ts`) and answered only once
 * committed with synchronous=FULL, bodies that arrive together sharing one commit. That is the
 * most any server on this framework and disk can do when it acknowledges only durable writes.
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

/** Hands the bodies received in one turn of the event loop to the writer thread as one message. */
class DurableWrites {
  private readonly waiting = new Map<number, () => void>();
  private handing: { id: number; text: string }[] = [];
  private nextId = 0;

  constructor(private readonly writer: Worker) {
    writer.on('message', (committed: number[]) => {
      for (const id of committed) {
        this.waiting.get(id)?.();
        this.waiting.delete(id);
      }
    });
    // Requests waiting on a dead writer would time out in the load generator and hide the cause.
    writer.on('error', (error) => {
      console.error(error);
      process.exit(1);
    });
    writer.on('exit', (code) => {
      console.error(`the durable writer thread exited (${code})`);
      process.exit(1);
    });
  }

  write(value: unknown): Promise<void> {
    const id = (this.nextId += 1);
    if (this.handing.length === 0) setImmediate(() => this.hand());
    this.handing.push({ id, text: JSON.stringify(value) });
    return new Promise((resolve) => this.waiting.set(id, resolve));
  }

  private hand(): void {
    this.writer.postMessage(this.handing);
    this.handing = [];
  }
}

const durableFile = process.argv[3];
const durable =
  durableFile === undefined ? undefined : new DurableWrites(new Worker(join(__dirname, 'reference-durable-writer.js'), { workerData: durableFile }));

@Controller('hello')
class HelloReadController {
  @Get()
  hello(): { hello: string } {
    return { hello: 'world' };
  }
}

@Controller('hello')
class HelloController {
  // Synchronous, as the hello world has always been: the ratios recorded against it stay comparable.
  @Post()
  @HttpCode(201)
  record(@Body() body: HelloDto): { recorded: string } {
    return { recorded: body.participantId };
  }
}

/** The same POST, answered only once `writes` has made its body durable. */
function durableHelloController(writes: DurableWrites): new () => unknown {
  @Controller('hello')
  class DurableHelloController {
    @Post()
    @HttpCode(201)
    async record(@Body() body: HelloDto): Promise<{ recorded: string }> {
      await writes.write(body);
      return { recorded: body.participantId };
    }
  }
  return DurableHelloController;
}

@Module({ controllers: [HelloReadController, durable === undefined ? HelloController : durableHelloController(durable)] })
class HelloModule {}

async function main(): Promise<void> {
  const port = Number(process.argv[2] ?? 3999);
  const app = await NestFactory.create<NestFastifyApplication>(HelloModule, new FastifyAdapter(), { logger: ['error'] });
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true }));
  await app.listen(port, '127.0.0.1');
  process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

void main();
