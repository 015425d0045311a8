import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { sandboxRuntimePlugin } from './src/build/sandbox/vite-plugin.ts';
import { lessonsPlugin } from './src/lessons/vite-plugin.ts';
import { embeddingDocsPlugin } from './src/ui/embed/docs-page.ts';

/**
 * The Content-Security-Policy of the built site (docs/deploy.md explains each line and how to send it
 * as a header). Measured by tests/e2e/static-site.test.ts, which must see zero violations:
 * - style-src 'unsafe-inline': Monaco adds <style> elements at run time (themes, decorations), and
 *   Svelte's style: directives set inline styles;
 * - img-src / font-src data:: Monaco's CSS has data: images; the favicon is `data:,`;
 * - worker-src 'self' without blob:: Vite emits Monaco's editor worker as a file of the build and
 *   starts it with new Worker(new URL(…, import.meta.url)); Monaco's blob: fallback is only for a
 *   worker on another origin, which this site never has;
 * - no 'unsafe-eval' and no inline script: nothing in the bundle evaluates strings.
 * frame-ancestors is ignored in a <meta> policy, so it is not here: a host that wants to restrict
 * embedding sends it as a header.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/**
 * Puts the policy into the built index.html, right after <meta charset> (a policy applies only to
 * what comes after it). Build only: the dev server's HMR client is an inline-injected script and a
 * websocket, which this policy would block.
 */
function contentSecurityPolicy(policy: string): Plugin {
  return {
    name: 'ws101-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const charset = /<meta charset="[^"]*"\s*\/?>/i.exec(html);
        if (!charset) throw new Error('index.html: no <meta charset> to put the CSP after');
        // An inline script would be refused by script-src 'self': fail the build, not the page.
        const inline = /<script(?![^>]*\bsrc=)[^>]*>/i.exec(html);
        if (inline) throw new Error(`index.html: inline script ${inline[0]} is blocked by the CSP`);
        const at = charset.index + charset[0].length;
        const meta = `\n    <meta http-equiv="Content-Security-Policy" content="${policy}" />`;
        return html.slice(0, at) + meta + html.slice(at);
      },
    },
  };
}

/** Where Vite writes its manifest inside the build (build.manifest: true). */
const MANIFEST_IN_BUILD = '.vite/manifest.json';

/**
 * Where the build's manifest goes instead: beside the build, not in it (`dist` → `.vite/dist.manifest.json`,
 * which .gitignore covers). tests/e2e/budget.test.ts reads it to find Monaco's and xterm's chunks.
 */
export function buildManifestPath(outDir: string): string {
  const dir = resolve(outDir);
  return join(dirname(dir), '.vite', `${basename(dir)}.manifest.json`);
}

/**
 * Keeps the manifest out of what is published (security review I6: it maps every source module to its
 * chunk, which a site has no need to serve): taken out of the bundle, written beside it.
 */
function manifestBesideBuild(): Plugin {
  let manifest: string | null = null;
  let outDir = 'dist';
  return {
    name: 'ws101-manifest-beside-build',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const asset = bundle[MANIFEST_IN_BUILD];
        if (asset?.type !== 'asset') return; // a sub-build (the editor worker) has none
        manifest = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
        delete bundle[MANIFEST_IN_BUILD];
      },
    },
    writeBundle() {
      if (manifest === null) return;
      const path = buildManifestPath(outDir);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, manifest);
    },
  };
}

// base './' so the built site works from any sub-path of any static host (hash routes).
export default defineConfig({
  base: './',
  plugins: [
    svelte(),
    lessonsPlugin(),
    contentSecurityPolicy(CONTENT_SECURITY_POLICY),
    manifestBesideBuild(),
    // docs/embedding.md as a page of the site, for the Embed dialog's link.
    embeddingDocsPlugin(),
    // The #/build sandbox's runtime as one script's text (src/build/sandbox/vite-plugin.ts says why).
    sandboxRuntimePlugin(),
  ],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4096,
    // The manifest maps source modules to chunk files: tests/e2e/budget.test.ts finds Monaco's and
    // xterm's chunks by their source module, not by a guessed file name. The site never fetches it,
    // so it is written beside the build, not in it (manifestBesideBuild).
    manifest: true,
    rolldownOptions: {
      // Rolldown's PLUGIN_TIMINGS note printed a breakdown on every build: most of the plugin time is
      // Svelte's compiler and the sandbox runtime's own nested build (src/build/sandbox/vite-plugin.ts),
      // both expected; the whole build takes 7–8 s.
      checks: { bundlerTimings: false },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
