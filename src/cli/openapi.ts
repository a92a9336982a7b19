/**
 * `npm run openapi`: writes the OpenAPI document generated from the route schemas to
 * openapi/openapi.json (committed; a test fails when it drifts). `--check` only compares.
 */
import fs from 'node:fs';
import path from 'node:path';
import { openapiDocument } from '../features/api/routes.js';
import { OPENAPI_FILE } from '../paths.js';

export function renderOpenapi(): string {
  return `${JSON.stringify(openapiDocument(), null, 2)}\n`;
}

const entry = process.argv[1] ?? '';
if (entry.endsWith('openapi.js') || entry.endsWith('openapi.ts')) {
  const text = renderOpenapi();
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(OPENAPI_FILE) ? fs.readFileSync(OPENAPI_FILE, 'utf8') : '';
    if (current !== text) {
      process.stderr.write(`${path.relative(process.cwd(), OPENAPI_FILE)} is out of date: run npm run openapi\n`);
      process.exit(1);
    }
    process.stdout.write('OpenAPI document is up to date.\n');
  } else {
    fs.mkdirSync(path.dirname(OPENAPI_FILE), { recursive: true });
    fs.writeFileSync(OPENAPI_FILE, text);
    process.stdout.write(`Wrote ${path.relative(process.cwd(), OPENAPI_FILE)}\n`);
  }
}
