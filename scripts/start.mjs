#!/usr/bin/env node
// `npm start`: builds when the compiled code is missing or older than the sources, then serves.
// `--build-only` stops after the build (used by other npm scripts); `--watch` rebuilds on change.
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const entry = path.join(root, 'dist/src/server.js');

function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

function needsBuild() {
  if (!fs.existsSync(entry)) return true;
  const built = fs.statSync(entry).mtimeMs;
  return ['src', 'bench'].some((d) => fs.existsSync(path.join(root, d)) && newest(path.join(root, d)) > built) ||
    fs.statSync(path.join(root, 'package.json')).mtimeMs > built;
}

function build() {
  process.stderr.write('Building Utblick (tsc)…\n');
  const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit', cwd: root });
  if (r.status !== 0) process.exit(r.status ?? 1);
  fs.utimesSync(entry, new Date(), new Date());
}

if (needsBuild()) build();
if (process.argv.includes('--build-only')) process.exit(0);

if (process.argv.includes('--watch')) {
  let child;
  const run = () => {
    child = spawn(process.execPath, ['--enable-source-maps', entry], { stdio: 'inherit', cwd: root });
  };
  run();
  let timer;
  fs.watch(path.join(root, 'src'), { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      child.kill();
      build();
      run();
    }, 300);
  });
} else {
  const child = spawn(process.execPath, ['--enable-source-maps', entry], { stdio: 'inherit', cwd: root });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}
