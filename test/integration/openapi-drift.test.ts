/** The committed OpenAPI document equals the one generated from the schemas. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderOpenapi } from '../../src/cli/openapi.js';
import { OPENAPI_FILE } from '../../src/paths.js';

describe('OpenAPI document', () => {
  it('is committed and matches the schemas (run `npm run openapi` after changing the API)', () => {
    expect(fs.existsSync(OPENAPI_FILE), `${OPENAPI_FILE} is missing: run npm run openapi`).toBe(true);
    expect(fs.readFileSync(OPENAPI_FILE, 'utf8')).toBe(renderOpenapi());
  });
  it('documents every route, parameter and the problem format', () => {
    const doc = JSON.parse(renderOpenapi());
    const search = doc.paths['/municipalities/{slug}/projects'].get;
    const names = search.parameters.map((p: { name: string }) => p.name);
    for (const n of ['slug', 'q', 'kind', 'theme', 'country', 'partner', 'programme', 'status', 'year', 'unit', 'role', 'target', 'sort', 'page', 'pageSize']) expect(names).toContain(n);
    expect(search.responses['400'].content['application/problem+json']).toBeDefined();
    expect(doc.components.schemas.Project).toBeDefined();
  });
});
