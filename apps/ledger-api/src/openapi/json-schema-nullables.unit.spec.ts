import { asJsonSchemaNullables } from './json-schema-nullables';

describe('asJsonSchemaNullables', () => {
  it("puts null in a nullable schema's type, and in its enum, wherever the schema is", () => {
    const document = {
      components: {
        schemas: {
          Dto: {
            type: 'object',
            properties: {
              note: { type: 'string', nullable: true, description: 'kept' },
              kind: { type: 'string', enum: ['a', 'b'], nullable: true },
              tags: { type: 'array', items: { type: 'string' }, nullable: true },
              count: { type: 'integer' },
            },
          },
        },
      },
      paths: { '/x': { get: { parameters: [{ name: 'q', schema: { type: ['string'], nullable: true } }] } } },
    };
    asJsonSchemaNullables(document);
    expect(document.components.schemas.Dto.properties).toEqual({
      note: { type: ['string', 'null'], description: 'kept' },
      kind: { type: ['string', 'null'], enum: ['a', 'b', null] },
      tags: { type: ['array', 'null'], items: { type: 'string' } },
      count: { type: 'integer' },
    });
    expect(document.paths['/x'].get.parameters[0]?.schema).toEqual({ type: ['string', 'null'] });
  });

  it('makes a nullable schema with no type of its own one of itself or null', () => {
    const schema = { properties: { chair: { $ref: '#/components/schemas/Chair', nullable: true } } };
    asJsonSchemaNullables(schema);
    expect(schema.properties.chair).toEqual({ anyOf: [{ $ref: '#/components/schemas/Chair' }, { type: 'null' }] });
  });

  it('leaves a property merely named nullable, and examples that hold the word, alone', () => {
    const schema = {
      properties: { nullable: true, example: { type: 'string', nullable: true } },
      example: { nullable: true },
      examples: [{ nullable: true }],
    };
    asJsonSchemaNullables(schema);
    expect(schema).toEqual({
      properties: { nullable: true, example: { type: ['string', 'null'] } },
      example: { nullable: true },
      examples: [{ nullable: true }],
    });
  });
});
