/** The built site (dist/ or another outDir) served by `vite preview` on 127.0.0.1, on a free port. */
import { fileURLToPath } from 'node:url';
import { preview, type PreviewServer } from 'vite';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** WS101_DIST lets parallel work serve its own build (vite build --outDir <dir>); default dist/. */
export const distDir = (): string => process.env.WS101_DIST ?? `${ROOT}dist`;

export async function previewDist(outDir: string): Promise<{ server: PreviewServer; baseUrl: string }> {
  const server = await preview({
    root: ROOT,
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const baseUrl = server.resolvedUrls?.local[0];
  if (!baseUrl) throw new Error('vite preview did not report a URL');
  return { server, baseUrl };
}
