// `npm run build`: compiles src/ to dist/ (tsc -p tsconfig.build.json, .ts imports rewritten to .js)
// and copies the plain-ESM worker entries beside their compiled modules, so `import 'gan-claims'`
// works on plain node from the packed tarball. Runs on `npm ci`/`npm install` (prepare) and `npm pack`.
import { execFileSync } from 'node:child_process';
import { cpSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
rmSync(path.join(root, 'dist'), { recursive: true, force: true });
execFileSync(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
const walk = (dir) => readdirSync(dir).flatMap((f) => (statSync(path.join(dir, f)).isDirectory() ? walk(path.join(dir, f)) : [path.join(dir, f)]));
for (const f of walk(path.join(root, 'src')).filter((f) => f.endsWith('.mjs'))) {
  cpSync(f, path.join(root, 'dist', path.relative(path.join(root, 'src'), f)));
}
