type SchemaNode = Record<string, unknown>;

const isNode = (value: unknown): value is SchemaNode => typeof value === 'object' && value !== null;

/**
 * Rewrites OpenAPI 3.0's `nullable: true`, which Nest's decorators emit, as OpenAPI 3.1 says a
 * nullable value is written (its schemas are JSON Schema 2020-12, which has no `nullable`): `null`
 * joins the schema's `type` (and its `enum`, which would otherwise refuse it), or, for a schema with
 * no `type` of its own, the schema becomes one of itself or null. A 3.1 validator or code generator
 * ignores `nullable` and would refuse the null the API accepts. Walks the whole document in place.
 */
export function asJsonSchemaNullables(node: unknown): void {
  visit(node, false);
}

/** Values that are data, not schemas: an example may well hold `nullable: true`. */
const DATA_KEYWORDS: ReadonlySet<string> = new Set(['example', 'examples', 'default', 'enum', 'const']);
/** Keywords whose value maps names to schemas: the map itself is no schema, whatever its names. */
const SCHEMA_MAPS: ReadonlySet<string> = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'schemas']);

function visit(node: unknown, isNameMap: boolean): void {
  if (Array.isArray(node)) {
    for (const item of node) visit(item, false);
    return;
  }
  if (!isNode(node)) return;
  for (const [key, value] of Object.entries(node)) {
    if (!isNameMap && DATA_KEYWORDS.has(key)) continue;
    visit(value, !isNameMap && SCHEMA_MAPS.has(key));
  }
  if (isNameMap || node['nullable'] !== true) return;
  delete node['nullable'];
  const type = node['type'];
  if (typeof type === 'string' || Array.isArray(type)) {
    const types: unknown[] = Array.isArray(type) ? type : [type];
    if (!types.includes('null')) node['type'] = [...types, 'null'];
    const values = node['enum'];
    if (Array.isArray(values) && !values.includes(null)) node['enum'] = [...values, null];
    return;
  }
  const itself = { ...node };
  for (const key of Object.keys(node)) delete node[key];
  node['anyOf'] = [itself, { type: 'null' }];
}
