import { ArgumentMetadata, ValidationPipe } from '@nestjs/common';
import { ROUTE_ARGS_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { Exclude, Expose, Type } from 'class-transformer';
import { Allow, IsDefined, IsInt, IsOptional, IsString, MaxLength, registerDecorator, ValidateIf, ValidateNested } from 'class-validator';
import { globSync } from 'glob';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { seeded } from '@concord/governance/testing/seeded-random';
import { BodyValidationPipe, createFullValidationPipe } from './validation';
import { BodyClass, ValidationPlan } from './validation-plan';

const SOURCES = join(__dirname, '..');
const BODIES_PER_CLASS = 400;

/** Every class a route of the API reads its body into, from the controllers' own metadata. */
function bodyClassesOfTheApi(): BodyClass[] {
  const found = new Set<BodyClass>();
  for (const file of globSync('**/*.controller.ts', { cwd: SOURCES, absolute: true })) {
    for (const exported of Object.values(jest.requireActual<Record<string, unknown>>(file))) {
      if (typeof exported !== 'function' || Reflect.getMetadata(PATH_METADATA, exported) === undefined) continue;
      const controller = exported as new () => object;
      for (const method of Object.getOwnPropertyNames(controller.prototype)) {
        const params = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, method) ?? {}) as Record<string, { index: number }>;
        const types = (Reflect.getMetadata('design:paramtypes', controller.prototype, method) ?? []) as BodyClass[];
        for (const [key, param] of Object.entries(params)) {
          const bodyClass = types[param.index];
          if (key.startsWith(`${RouteParamtypes.BODY}:`) && bodyClass !== undefined) found.add(bodyClass);
        }
      }
    }
  }
  return [...found];
}

interface DocumentedField {
  readonly example?: unknown;
  readonly enum?: readonly unknown[];
}

/** A body built from the examples the OpenAPI document gives for each field. */
function exampleBody(bodyClass: BodyClass): Record<string, unknown> {
  const names = ((Reflect.getMetadata('swagger/apiModelPropertiesArray', bodyClass.prototype) ?? []) as string[]).map((name) => name.slice(1));
  const body: Record<string, unknown> = {};
  for (const name of names) {
    const field = Reflect.getMetadata('swagger/apiModelProperties', bodyClass.prototype, name) as DocumentedField;
    const example = field.example ?? field.enum?.[0];
    if (example !== undefined) body[name] = example;
  }
  return body;
}

/** Values each field is tried with: right and wrong types, edges of the text and id rules, nesting. */
const TRIED_VALUES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  1,
  -1,
  2.5,
  2021,
  2022,
  1e21,
  Number.MAX_SAFE_INTEGER,
  '',
  ' ',
  'a',
  'ua',
  'UA',
  'kp',
  '-x',
  'x'.repeat(64),
  'x'.repeat(65),
  'y'.repeat(20_001),
  '\u200b',
  'a\u0000b',
  'a\u202eb',
  'a\ud800b',
  '2022-06-21',
  '2022-06-21T10:30:00Z',
  '2022-06-21T10:30:00',
  '2022-13-40',
  '2999-01-01',
  'consensus',
  'state',
  'succession',
  'plenary',
  'secretariat',
  'https://registry.example.org/hook',
  'http://localhost/hook',
  'ObjectionRaised',
  'NoSuchEvent',
  [],
  ['ua'],
  ['ua', 'bw'],
  ['UA'],
  [1],
  [null],
  [['ua']],
  [{}],
  {},
  { a: 1 },
  { name: 'x' },
];

function pick<T>(random: () => number, values: readonly T[]): T {
  return values[Math.floor(random() * values.length)] as T;
}

/** The example body with one to three fields changed, dropped, added or named like a prototype key. */
function mutated(random: () => number, base: Record<string, unknown>): unknown {
  if (random() < 0.03) return pick(random, [null, 'text', 1, [], [base]]);
  const body: Record<string, unknown> = { ...base };
  const names = Object.keys(base);
  const changes = 1 + Math.floor(random() * 3);
  for (let change = 0; change < changes; change += 1) {
    const roll = random();
    const name = pick(random, names);
    if (roll < 0.55) body[name] = pick(random, TRIED_VALUES);
    else if (roll < 0.75) delete body[name];
    else if (roll < 0.85) body[pick(random, ['extra', 'bodyId', 'participantId', 'recordedAt'])] = pick(random, TRIED_VALUES);
    else if (roll < 0.9) return Object.assign(JSON.parse('{"__proto__": {"polluted": true}}') as object, body);
    else if (roll < 0.95) body[pick(random, ['constructor', 'prototype', 'toString', 'hasOwnProperty'])] = pick(random, TRIED_VALUES);
  }
  return body;
}

/** A copy made in this test's realm (structuredClone's objects have another realm's prototype). */
const jsonCopy = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

const bodyOf = (metatype: BodyClass): ArgumentMetadata => ({ type: 'body', metatype, data: undefined });

/** What the full pipe makes of a body: the instance it gives, or that it refused. */
async function byThePipe(pipe: ValidationPipe, body: unknown, metadata: ArgumentMetadata): Promise<{ accepted: unknown } | 'refused'> {
  try {
    return { accepted: await pipe.transform(jsonCopy(body), metadata) };
  } catch {
    return 'refused';
  }
}

/** A body whose every field is a known one with a flat value: the plan must decide such a body itself. */
function isFlatAndKnown(body: unknown, knownNames: readonly string[]): boolean {
  if (typeof body !== 'object' || body === null || Array.isArray(body) || Object.getPrototypeOf(body) !== Object.prototype) return false;
  const known = new Set(knownNames);
  const flat = (value: unknown): boolean => value === null || ['string', 'number', 'boolean'].includes(typeof value);
  return Object.entries(body).every(([name, value]) => known.has(name) && (flat(value) || (Array.isArray(value) && value.every(flat))));
}

describe('ValidationPlan against the ValidationPipe it stands in for', () => {
  const pipe = createFullValidationPipe();
  const bodyClasses = bodyClassesOfTheApi();

  it('finds the body classes of the API, each with a plan', () => {
    expect(bodyClasses.length).toBeGreaterThanOrEqual(20);
    for (const bodyClass of bodyClasses)
      expect({ bodyClass: bodyClass.name, planned: ValidationPlan.of(bodyClass) !== undefined }).toEqual({ bodyClass: bodyClass.name, planned: true });
  });

  it.each(bodyClassesOfTheApi().map((bodyClass) => [bodyClass.name, bodyClass] as const))(
    'accepts a %s body only when the pipe does, with the same instance, and decides every flat one itself',
    async (_name, bodyClass) => {
      const plan = ValidationPlan.of(bodyClass);
      if (plan === undefined) throw new Error(`${bodyClass.name} has no plan`);
      const random = seeded(bodyClass.name.length * 7919);
      const base = exampleBody(bodyClass);
      const tally = { planAccepted: 0, pipeRefused: 0 };
      for (let index = 0; index < BODIES_PER_CLASS; index += 1) {
        const body = index === 0 ? base : mutated(random, base);
        const untouched = jsonCopy(body);
        const planned = plan.accept(body);
        const piped = await byThePipe(pipe, body, bodyOf(bodyClass));
        expect({ body, same: isDeepStrictEqual(body, untouched) }).toEqual({ body, same: true });
        if (planned !== undefined) {
          tally.planAccepted += 1;
          expect({ body, piped }).toEqual({ body, piped: { accepted: expect.any(bodyClass) } });
          if (piped !== 'refused')
            expect([isDeepStrictEqual(planned, piped.accepted), Object.keys(planned)]).toEqual([true, Object.keys(piped.accepted as object)]);
        } else if (piped === 'refused') {
          tally.pipeRefused += 1;
        } else {
          // The plan passes a body to the pipe only for a shape it does not copy itself.
          expect({ body, flatAndKnown: isFlatAndKnown(body, Object.keys(base)) }).toEqual({ body, flatAndKnown: false });
        }
      }
      // A class whose example holds a nested value (a correction's fields) is always the pipe's.
      if (isFlatAndKnown(base, Object.keys(base))) expect(tally.planAccepted).toBeGreaterThan(5);
      expect(tally.pipeRefused).toBeGreaterThan(BODIES_PER_CLASS / 4);
    },
  );
});

describe('ValidationPlan on rules beyond the API', () => {
  function isEven(target: object, propertyName: string, asynchronous = false): void {
    registerDecorator({
      name: 'isEven',
      target: target.constructor,
      propertyName,
      async: asynchronous,
      validator: { validate: (value: unknown) => (asynchronous ? Promise.resolve(value === 2) : typeof value === 'number' && value % 2 === 0) },
    });
  }

  class Inner {
    @IsString() name!: string;
  }

  class Mixed {
    @IsOptional() @IsString() optional?: string;
    @ValidateIf((_object: object, value: unknown) => value !== undefined) @IsString() omittable?: string;
    @IsString({ each: true }) @MaxLength(3, { each: true }) tags!: string[];
    @IsDefined() @Allow() anything!: unknown;
    @IsInt() count = 1;
    @IsString() get shown(): string {
      return 'from the prototype';
    }
  }
  (isEven as (target: object, name: string) => void)(Mixed.prototype, 'count');

  class Nested {
    @ValidateNested() @Type(() => Inner) inner!: Inner;
  }
  class Converted {
    @Type(() => Number) @IsInt() count!: number;
  }
  class Awaited {
    @IsInt() count!: number;
  }
  isEven(Awaited.prototype, 'count', true);
  class Unruled {}
  @Exclude()
  class ExcludedByDefault {
    @IsOptional() @IsString() note?: string;
  }
  class ExcludedByItsParent extends ExcludedByDefault {
    @IsOptional() @IsString() title?: string;
  }
  @Expose()
  class ExposedByDefault {
    @IsOptional() @IsString() note?: string;
  }
  class ThrowingCondition {
    // Registered bottom up: IsOptional's condition comes first and says no on a body without the note.
    @ValidateIf((object: { note?: string }) => (object.note as string).length > 0) @IsOptional() @IsString() note?: string;
  }
  class StartsWithAFunction {
    @Allow() handler: unknown = function handler(): void {};
    @IsString() name!: string;
  }
  class AllOptional {
    @IsOptional() @IsString() note?: string;
  }
  class Defaulted {
    @IsString() name!: string;
    version = 1;
  }

  const pipe = createFullValidationPipe();
  const cases: readonly [string, unknown][] = [
    ['a full body', { optional: 'a', omittable: 'b', tags: ['ab', 'c'], anything: { deep: [1] }, count: 4 }],
    ['a null optional field', { optional: null, tags: [], anything: 0, count: 2 }],
    ['a null omittable field', { omittable: null, tags: [], anything: 0, count: 2 }],
    ['an item too long', { tags: ['abcd'], anything: 0, count: 2 }],
    ['an odd count', { tags: [], anything: 0, count: 3 }],
    ['the count left to its initial value', { tags: [], anything: 0 }],
    ['a field the prototype answers', { tags: [], anything: 0, count: 2, shown: 'x' }],
    ['an undefined field that must be defined', { tags: [], count: 2 }],
    // eslint-disable-next-line no-sparse-arrays
    ['a list with a gap', { tags: [, 'ab'], anything: 0, count: 2 }],
  ];

  it.each(cases)('agrees with the pipe on %s', async (_name, body) => {
    const plan = ValidationPlan.of(Mixed);
    expect(plan).toBeDefined();
    const planned = plan?.accept(body);
    const piped = await byThePipe(pipe, body, bodyOf(Mixed));
    if (planned !== undefined) expect(piped).toEqual({ accepted: planned });
    else expect(isFlatAndKnown(body, ['optional', 'omittable', 'tags', 'anything', 'count']) && piped !== 'refused').toBe(false);
  });

  it('accepts what it can decide and leaves a nested value to the pipe', () => {
    const plan = ValidationPlan.of(Mixed);
    expect(plan?.accept({ tags: ['ab'], anything: 0, count: 2 })).toEqual(Object.assign(new Mixed(), { tags: ['ab'], anything: 0, count: 2 }));
    expect(plan?.accept({ tags: ['ab'], anything: { deep: 1 }, count: 2 })).toBeUndefined();
    expect(plan?.accept({ tags: ['ab'], anything: 0 })).toBeUndefined();
  });

  it('leaves to the pipe a body that is not a plain object, which it refuses even when no field is required', async () => {
    const plan = ValidationPlan.of(AllOptional);
    expect(plan?.accept({})).toEqual(new AllOptional());
    for (const body of [[], Object.create(null) as object, new Date(0)]) {
      expect(plan?.accept(body)).toBeUndefined();
    }
    expect(await byThePipe(pipe, [], bodyOf(AllOptional))).toBe('refused');
  });

  it('leaves to the pipe an instance that starts with a field no rule allows', async () => {
    expect(ValidationPlan.of(Defaulted)?.accept({ name: 'x' })).toBeUndefined();
    expect(await byThePipe(pipe, { name: 'x' }, bodyOf(Defaulted))).toBe('refused');
  });

  it('calls every condition, as class-validator does, and leaves to the pipe a body on which one throws', async () => {
    expect(ValidationPlan.of(ThrowingCondition)?.accept({})).toBeUndefined();
    await expect(pipe.transform({}, bodyOf(ThrowingCondition))).rejects.toThrow(TypeError);
    expect(ValidationPlan.of(ThrowingCondition)?.accept({ note: 'x' })).toEqual(Object.assign(new ThrowingCondition(), { note: 'x' }));
  });

  it('leaves to the pipe a field that starts as a function, which class-transformer does not overwrite', async () => {
    expect(ValidationPlan.of(StartsWithAFunction)?.accept({ handler: 'x', name: 'n' })).toBeUndefined();
    expect(ValidationPlan.of(StartsWithAFunction)?.accept({ name: 'n' })).toBeUndefined();
    const piped = await byThePipe(pipe, { handler: 'x', name: 'n' }, bodyOf(StartsWithAFunction));
    expect(piped).not.toBe('refused');
    expect(typeof (piped as { accepted: { handler: unknown } }).accepted.handler).toBe('function');
  });

  it.each([
    ['class-level Exclude', ExcludedByDefault],
    ['class-level Exclude on its parent', ExcludedByItsParent],
    ['class-level Expose', ExposedByDefault],
    ['nested rules', Nested],
    ['a conversion of class-transformer', Converted],
    ['an asynchronous rule', Awaited],
    ['no rule at all', Unruled],
  ] as const)('leaves a class with %s to the pipe', (_name, bodyClass) => {
    expect(ValidationPlan.of(bodyClass)).toBeUndefined();
  });

  it('hands the pipe every refusal, and every input that is not a body', async () => {
    const guarded = new BodyValidationPipe(pipe);
    const refused = await Promise.resolve()
      .then(() => guarded.transform({ tags: ['abcd'], anything: 0, count: 2 }, bodyOf(Mixed)))
      .catch((error: unknown) => error);
    const byPipe = await Promise.resolve(pipe.transform({ tags: ['abcd'], anything: 0, count: 2 }, bodyOf(Mixed))).catch((error: unknown) => error);
    expect(refused).toEqual(byPipe);
    expect(refused).toMatchObject({ code: 'validation-failed' });
    expect(await guarded.transform('42', { type: 'param', metatype: Number, data: 'id' })).toBe(42);
    expect(await guarded.transform({ count: '2' }, { type: 'query', metatype: Converted, data: undefined })).toEqual(
      Object.assign(new Converted(), { count: 2 }),
    );
  });
});
