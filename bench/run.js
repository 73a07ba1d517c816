var __rewriteRelativeImportExtension = (this && this.__rewriteRelativeImportExtension) || function (path, preserveJsx) {
    if (typeof path === "string" && /^\.\.?\//.test(path)) {
        return path.replace(/\.(tsx)$|((?:\.d)?)((?:\.[^./]+?)?)\.([cm]?)ts$/i, function (m, tsx, d, ext, cm) {
            return tsx ? preserveJsx ? ".jsx" : ".js" : d && (!ext || !cm) ? m : (d + ext + "." + cm.toLowerCase() + "js");
        });
    }
    return path;
};
/**
 * `npm run bench`: runs every bench/*.ts module's `bench()` and prints one table. Each module
 * returns rows {name, value, unit, note?}; no benchmark is a test and none asserts a time.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
const here = path.dirname(fileURLToPath(import.meta.url));
export async function benchCommand(names, flags) {
    const files = readdirSync(here).filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts'))
        .filter((f) => names.length === 0 || names.some((n) => f.startsWith(n)))
        .sort();
    const all = [];
    for (const f of files) {
        const mod = (await import(__rewriteRelativeImportExtension(pathToFileURL(path.join(here, f)).href)));
        if (typeof mod.bench !== 'function')
            continue;
        process.stderr.write(`bench ${f} …\n`);
        for (const row of await mod.bench()) {
            all.push({ file: f, ...row });
            if (!flags.json)
                process.stdout.write(`${row.name.padEnd(58)} ${fmt(row.value).padStart(14)} ${row.unit.padEnd(10)} ${row.note ?? ''}\n`);
        }
    }
    if (flags.json)
        process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
    return 0;
}
function fmt(v) {
    if (!Number.isFinite(v))
        return String(v);
    const a = Math.abs(v);
    return a >= 1e5 ? v.toExponential(3) : a >= 100 ? v.toFixed(0) : a >= 1 ? v.toFixed(2) : v.toPrecision(3);
}
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
    process.exitCode = await benchCommand(process.argv.slice(2).filter((a) => !a.startsWith('--')), { json: process.argv.includes('--json') });
}
