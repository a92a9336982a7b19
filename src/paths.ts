/** Locations on disk that do not depend on whether the code runs from src/ (tests) or dist/ (start). */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above the application code');
    dir = parent;
  }
}

/** The project's root folder (where package.json is). */
export const PROJECT_ROOT = findRoot();
export const STATIC_DIR = path.join(PROJECT_ROOT, 'src/ui/static');
export const OPENAPI_FILE = path.join(PROJECT_ROOT, 'openapi/openapi.json');
