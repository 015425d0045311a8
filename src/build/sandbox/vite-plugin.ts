/**
 * `virtual:ws101-sandbox-runtime`: the sandbox's runtime (runtime.ts with the worker, the shims,
 * @noble/hashes and buffer) bundled into one self-contained classic script, exported as its text.
 *
 * Why text, and not a worker file of the build (`?worker&url`): the sandbox document has an opaque
 * origin, so it can neither fetch a file of the site (that would be a cross-origin request without
 * CORS) nor start a Worker from one (a worker must be same-origin with its creator). It can run what
 * the page hands it, from a blob: URL. And Vite's dev server serves a worker as an ES module with
 * imports, not as one file, so the same text is built here for `vite` and `vite build` alike.
 * The text travels only with host.ts's lazily loaded chunk (#/build), never with the first visit.
 */
import { fileURLToPath } from 'node:url';
import { build, type Plugin, type Rolldown } from 'vite';

const VIRTUAL = 'virtual:ws101-sandbox-runtime';
const RESOLVED = `\0${VIRTUAL}`;
const ENTRY = fileURLToPath(new URL('./runtime.ts', import.meta.url));

/** The runtime as one classic script's text, and the files it was built from (to watch). */
export async function bundleSandboxRuntime(minify: boolean): Promise<{ code: string; files: string[] }> {
  const result = await build({
    configFile: false,
    envDir: false,
    publicDir: false,
    logLevel: 'warn',
    build: {
      write: false,
      minify,
      target: 'es2022',
      emptyOutDir: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      lib: { entry: ENTRY, formats: ['iife'], name: 'ws101SandboxRuntime' },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunk = outputs.flatMap((o) => o.output).find((o) => o.type === 'chunk');
  if (!chunk || chunk.type !== 'chunk') throw new Error('the sandbox runtime built no script');
  return { code: chunk.code, files: chunk.moduleIds.filter((f) => !f.startsWith('\0')) };
}

export function sandboxRuntimePlugin(): Plugin {
  let minify = true;
  return {
    name: 'ws101-sandbox-runtime',
    configResolved(config) {
      // Readable stack traces while developing; the build ships it minified.
      minify = config.command === 'build';
    },
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : null;
    },
    async load(id) {
      if (id !== RESOLVED) return null;
      const { code, files } = await bundleSandboxRuntime(minify);
      for (const file of files) this.addWatchFile(file);
      return `export default ${JSON.stringify(code)};\n`;
    },
  };
}
