/**
 * The worker threads' script: worker.ts and the template registry bundled into one plain JavaScript module by
 * esbuild, so a worker starts without the TypeScript loader (tsx costs ~30 MB and a loader thread per worker).
 * Packages stay external and resolve from node_modules: the bundle is written to node_modules/.cache, named
 * after a hash of its content (processes that build the same bundle write the same file; writes are atomic).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);
/** node_modules/.cache/sukoyaka-documents of the installation that holds pdfkit (bare imports resolve there). */
const cacheDir = (() => {
  const pdfkit = require.resolve('pdfkit');
  const marker = `${sep}node_modules${sep}`;
  return join(pdfkit.slice(0, pdfkit.lastIndexOf(marker) + marker.length), '.cache', 'sukoyaka-documents');
})();
const bundles = new Map<string, Promise<URL>>();
const dayMs = 24 * 60 * 60 * 1000;

/** The TypeScript entry (through tsx): used only where node_modules/.cache cannot be written. */
const tsxEntry = new URL('./worker-entry.mjs', import.meta.url);

/** The bundled worker script for a registry module (built once per process and registry). */
export function workerScript(registryUrl: string): Promise<URL> {
  let script = bundles.get(registryUrl);
  if (!script) {
    script = bundle(registryUrl);
    bundles.set(registryUrl, script);
    script.catch(() => bundles.delete(registryUrl));
  }
  return script;
}

async function bundle(registryUrl: string): Promise<URL> {
  const here = dirname(fileURLToPath(import.meta.url));
  const entry = [
    `import { templates } from ${JSON.stringify(fileURLToPath(registryUrl))};`,
    `import { preloadRegistry } from ${JSON.stringify(join(here, 'render-core.ts'))};`,
    `import ${JSON.stringify(join(here, 'worker.ts'))};`,
    `preloadRegistry(${JSON.stringify(registryUrl)}, templates);`,
  ].join('\n');
  const out = await build({
    stdin: { contents: entry, resolveDir: here, loader: 'ts', sourcefile: 'documents-worker.ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0]!.contents;
  const file = join(cacheDir, `worker-${createHash('sha256').update(code).digest('hex').slice(0, 16)}.mjs`);
  try {
    mkdirSync(cacheDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, file);
  } catch (err) {
    // a read-only installation: the workers load the TypeScript sources (slower start, ~30 MB more each)
    const errno = (err as NodeJS.ErrnoException).code;
    if (errno === 'EACCES' || errno === 'EROFS' || errno === 'EPERM') return tsxEntry;
    throw err;
  }
  prune(file);
  return pathToFileURL(file);
}

/** Removes bundles of earlier sources (older than a day), keeping the cache small on a developer's machine. */
function prune(keep: string): void {
  for (const name of readdirSync(cacheDir)) {
    const path = join(cacheDir, name);
    if (path === keep) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > dayMs) rmSync(path, { force: true });
    } catch {
      // another process removed it first
    }
  }
}
