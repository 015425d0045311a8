/**
 * docs/embedding.md, published with the site as `docs/embedding.html`, so the Embed dialog can link to
 * the postMessage API from wherever the site is served (the project has no public repository address
 * to point at, and a teacher reads a page, not a Markdown file). A Vite build plugin: it runs in Node
 * at build time and adds one static page beside index.html; nothing of it reaches the app's bundle.
 *
 * The page is the Markdown rendered as it is, with a small stylesheet and a policy that allows no
 * script. Links to other repository files (the example decks, deploy.md) are not published, so they
 * are shown as their text; links to other sites stay links.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Marked, type Tokens } from 'marked';
import type { Plugin } from 'vite';
import { EMBEDDING_DOCS_PATH } from './link.ts';

const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderEmbeddingDocs(markdown: string): string {
  const marked = new Marked({ gfm: true, async: false });
  marked.use({
    renderer: {
      link(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token: Tokens.Link) {
        const text = this.parser.parseInline(token.tokens);
        return /^https?:\/\//.test(token.href)
          ? `<a href="${escapeHtml(token.href)}" rel="noopener noreferrer">${text}</a>`
          : text;
      },
    },
  });
  const body = marked.parse(markdown) as string;
  const title = /^#\s+(.+)$/m.exec(markdown)?.[1] ?? 'Embedding ws101';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title.replace(/[`*]/g, ''))}</title>
<link rel="icon" href="data:,">
<style>
  :root { color-scheme: light dark; }
  body { margin: 0 auto; max-width: 52rem; padding: 1.5rem 1rem 4rem; line-height: 1.55;
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans KR', sans-serif; }
  code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', monospace; }
  pre { overflow-x: auto; padding: 0.75rem; border: 1px solid #8884; border-radius: 6px; }
  table { border-collapse: collapse; display: block; overflow-x: auto; }
  th, td { border: 1px solid #8886; padding: 0.3rem 0.5rem; text-align: start; vertical-align: top; }
  a { color: light-dark(#1d4ed8, #8ab4ff); }
</style>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** The build plugin: emits the page from docs/embedding.md (`root` is the repository). */
export function embeddingDocsPlugin(root = resolve('.')): Plugin {
  const source = resolve(root, 'docs/embedding.md');
  return {
    name: 'ws101-embedding-docs',
    apply: 'build',
    buildStart() {
      this.addWatchFile(source);
    },
    generateBundle(_options, bundle) {
      // Only the app's build, whose entry is index.html (not the editor worker's sub-build).
      const app = Object.values(bundle).some(
        (c) => c.type === 'chunk' && c.isEntry && (c.facadeModuleId ?? '').endsWith('index.html'),
      );
      if (!app) return;
      this.emitFile({
        type: 'asset',
        fileName: EMBEDDING_DOCS_PATH,
        source: renderEmbeddingDocs(readFileSync(source, 'utf8')),
      });
    },
  };
}
