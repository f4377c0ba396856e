import { TransformationType } from 'class-transformer';
import { defaultMetadataStorage as transformerMetadata } from 'class-transformer/cjs/storage';
import { getMetadataStorage, ValidationArguments, ValidationTypes, ValidatorConstraintInterface } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

/** A class with a constructor that takes nothing, as class-transformer builds every body class. */
export type BodyClass = new () => object;

interface Rule {
  readonly metadata: ValidationMetadata;
  readonly constraint: ValidatorConstraintInterface;
}

interface PropertyRules {
  readonly name: string;
  /** `ValidateIf` and `IsOptional`: when one says no, no other rule of the property is checked. */
  readonly conditions: readonly ((object: object, value: unknown) => boolean)[];
  /** `IsDefined` first, then every other rule, in class-validator's own order. */
  readonly rules: readonly Rule[];
}

/** Values a JSON body field holds that class-transformer copies as they are. */
type FlatValue = string | number | boolean | null;

const NOT_FLAT = Symbol('not flat');

/** Field names `ValidationPipe` deletes from a body, or class-transformer skips, before validating. */
const STRIPPED_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The kinds of rule whose meaning a plan reproduces; a class with any other is left to the pipe. */
const PLANNED_KINDS: ReadonlySet<string> = new Set([
  ValidationTypes.CUSTOM_VALIDATION,
  ValidationTypes.CONDITIONAL_VALIDATION,
  ValidationTypes.IS_DEFINED,
  ValidationTypes.WHITELIST,
]);

/**
 * What Nest's `ValidationPipe` (whitelist, forbidNonWhitelisted, forbidUnknownValues, transform)
 * does with a body that it accepts, done without class-transformer's and class-validator's
 * general machinery: the same rules, read once from the same metadata, called with the same
 * arguments on the same instance. It only ever accepts: a body it does not accept in full (a rule
 * fails, a field is unknown, a value is nested or of a shape it does not copy) goes to the pipe,
 * which words the refusal. `validation-plan.unit.spec.ts` holds it to the pipe on every body class
 * of the API.
 */
export class ValidationPlan {
  private constructor(
    private readonly bodyClass: BodyClass,
    private readonly properties: readonly PropertyRules[],
    private readonly allowed: ReadonlySet<string>,
  ) {}

  /** The plan for a class, or undefined when its rules or its transformation are beyond a plan. */
  static of(bodyClass: BodyClass): ValidationPlan | undefined {
    const storage = getMetadataStorage();
    // The arguments class-validator's `validate(object, options)` looks them up with.
    const metadatas = storage.getTargetValidationMetadatas(bodyClass, undefined as unknown as string, false, false, undefined);
    if (metadatas.length === 0 || metadatas.some((metadata) => !PLANNED_KINDS.has(metadata.type))) return undefined;
    const grouped = storage.groupByPropertyName(metadatas);
    const names = Object.keys(grouped);
    if (!transformsAsPlainCopy(bodyClass, names)) return undefined;
    // A field that starts as a function is skipped by class-transformer, as a name the prototype answers is.
    const fresh = new bodyClass() as Record<string, unknown>;
    const properties: PropertyRules[] = [];
    for (const name of names) {
      const own = grouped[name] ?? [];
      const conditions = own
        .filter((metadata) => metadata.type === ValidationTypes.CONDITIONAL_VALIDATION)
        .map((metadata) => metadata.constraints[0] as PropertyRules['conditions'][number]);
      const defined = own.filter((metadata) => metadata.type === ValidationTypes.IS_DEFINED);
      const custom = own.filter((metadata) => metadata.type === ValidationTypes.CUSTOM_VALIDATION);
      const rules: Rule[] = [];
      for (const metadata of [...defined, ...custom]) {
        for (const constraint of storage.getTargetValidatorConstraints(metadata.constraintCls)) {
          if (constraint.async) return undefined;
          rules.push({ metadata, constraint: constraint.instance });
        }
      }
      properties.push({ name, conditions, rules });
    }
    // A name the class's prototype answers (a method, a getter) is skipped by class-transformer too.
    const allowed = new Set(names.filter((name) => !STRIPPED_NAMES.has(name) && !(name in bodyClass.prototype) && typeof fresh[name] !== 'function'));
    return new ValidationPlan(bodyClass, properties, allowed);
  }

  /**
   * The instance the pipe would give for `body`, or undefined when the pipe must decide. A rule
   * that throws leaves the body to the pipe, which meets the same rule and answers as it does.
   */
  accept(body: unknown): object | undefined {
    try {
      return this.accepted(body);
    } catch {
      return undefined;
    }
  }

  private accepted(body: unknown): object | undefined {
    if (typeof body !== 'object' || body === null || Object.getPrototypeOf(body) !== Object.prototype) return undefined;
    const instance = new this.bodyClass() as Record<string, unknown>;
    for (const [name, value] of Object.entries(body)) {
      if (!this.allowed.has(name)) return undefined;
      const copy = flatCopy(value);
      if (copy === NOT_FLAT) return undefined;
      instance[name] = copy;
    }
    for (const name of Object.keys(instance)) if (!this.allowed.has(name)) return undefined;
    const targetName = this.bodyClass.name;
    for (const property of this.properties) {
      const value = instance[property.name];
      // class-validator calls every condition, even after one said no.
      const outcomes = property.conditions.map((condition) => condition(instance, value));
      if (!outcomes.every(Boolean)) continue;
      for (const { metadata, constraint } of property.rules) {
        const args: ValidationArguments = { targetName, property: metadata.propertyName, object: instance, value, constraints: metadata.constraints };
        const valid =
          metadata.each && Array.isArray(value) ? value.every((item) => constraint.validate(item, args) === true) : constraint.validate(value, args);
        if (valid !== true) return undefined;
      }
    }
    return instance;
  }
}

/**
 * Whether class-transformer would build an instance of the class by copying a flat body's fields
 * as they are: no `Type`, `Transform`, `Expose` or `Exclude` on it or its ancestors.
 */
function transformsAsPlainCopy(bodyClass: BodyClass, names: readonly string[]): boolean {
  // A class-level `Expose` or `Exclude` shows only in the strategy of the class that carries it.
  for (let target: unknown = bodyClass; typeof target === 'function' && target !== Function.prototype; target = Object.getPrototypeOf(target)) {
    if (transformerMetadata.getStrategy(target as BodyClass) !== 'none') return false;
  }
  if (transformerMetadata.getExposedMetadatas(bodyClass).length > 0 || transformerMetadata.getExcludedMetadatas(bodyClass).length > 0) return false;
  return names.every(
    (name) =>
      transformerMetadata.findTypeMetadata(bodyClass, name) === undefined &&
      transformerMetadata.findTransformMetadatas(bodyClass, name, TransformationType.PLAIN_TO_CLASS).length === 0 &&
      transformerMetadata.findExposeMetadataByCustomName(bodyClass, name) === undefined,
  );
}

/** A field's value as class-transformer copies it into the instance, when it is flat. */
function flatCopy(value: unknown): FlatValue | FlatValue[] | typeof NOT_FLAT {
  if (isFlat(value)) return value;
  if (!Array.isArray(value)) return NOT_FLAT;
  const copy: FlatValue[] = [];
  // A gap of a sparse list reads as undefined, which is not flat: the pipe closes gaps first.
  for (let index = 0; index < value.length; index += 1) {
    const item: unknown = value[index];
    if (!isFlat(item)) return NOT_FLAT;
    copy.push(item);
  }
  return copy;
}

function isFlat(value: unknown): value is FlatValue {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}
