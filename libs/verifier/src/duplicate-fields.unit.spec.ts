import { firstDuplicateField } from './duplicate-fields';

describe('firstDuplicateField', () => {
  it.each([
    ['{"participantId":"bw","participantId":"ru"}', 'participantId'],
    ['{"a":1,"\\u0061":2}', 'a'],
    ['{"proposedBy":["ua"],"inner":{"x":1,"y":{"z":2,"z":3}}}', 'inner.y.z'],
    ['{"list":[{"k":1},{"k":1,"k":2}]}', 'list[1].k'],
    ['[{"a":1},{"b":2,"b":3}]', 'body[1].b'],
    ['{ "a" : 1 , "b" : { } , "a" : 2 }', 'a'],
  ])('finds the field given twice in %s', (json, field) => {
    expect(firstDuplicateField(json)).toBe(field);
  });

  it.each([
    '{"participantId":"bw","grounds":"said \\"participantId\\": twice"}',
    '{"a":{"b":1},"b":{"a":1},"c":[{"a":1},{"a":2}]}',
    '{"text":"ends in a backslash \\\\","a":"\\\\\\"a\\":"}',
    '{"a":"{","b":"}","c":"[,"}',
    '{}',
    '"a string"',
    '[1,2,3]',
  ])('finds none in %s', (json) => {
    JSON.parse(json);
    expect(firstDuplicateField(json)).toBeUndefined();
  });
});
