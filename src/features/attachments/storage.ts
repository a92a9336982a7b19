/**
 * The files themselves, in `config.attachments.dir` (outside anything the web server serves). A
 * file's path comes only from its random storage key, never from the name the uploader gave it.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { STATIC_DIR } from '../../paths.js';

const KEY_RE = /^[0-9a-f]{32}$/;

/** A new random storage key: 128 bits, hex. */
export function newStorageKey(): string {
  return randomBytes(16).toString('hex');
}

/**
 * The absolute path of a key's file: `<dir>/<first two hex digits>/<key>`, so no folder grows too
 * large. Throws for anything that is not a well-formed key (it could not come from this module).
 */
export function storagePath(dir: string, key: string): string {
  if (!KEY_RE.test(key)) throw new Error('invalid attachment storage key');
  return path.join(dir, key.slice(0, 2), key);
}

/** Throws when the attachment folder lies inside the folder the web server serves files from. */
export function assertOutsideWebRoot(dir: string): void {
  const rel = path.relative(path.resolve(STATIC_DIR), path.resolve(dir));
  if (rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel))) {
    throw new Error(`ATTACHMENTS_DIR (${dir}) must not lie inside the web root ${STATIC_DIR}`);
  }
}

/** Writes a new file durably (flushed to disk) and readable only by the service's own user. */
export async function writeStoredFile(dir: string, key: string, bytes: Uint8Array): Promise<void> {
  assertOutsideWebRoot(dir);
  const file = storagePath(dir, key);
  await fs.promises.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const handle = await fs.promises.open(file, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (e) {
    await handle.close();
    await fs.promises.rm(file, { force: true });
    throw e;
  }
  await handle.close();
}

/** Removes a stored file; a file that is already gone is not an error. */
export async function removeStoredFile(dir: string, key: string): Promise<void> {
  await fs.promises.rm(storagePath(dir, key), { force: true });
}

/** Opens a stored file for reading, or returns undefined when it is missing. */
export async function openStoredFile(dir: string, key: string): Promise<fs.promises.FileHandle | undefined> {
  try {
    return await fs.promises.open(storagePath(dir, key), 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}
