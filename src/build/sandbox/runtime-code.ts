/**
 * The sandbox runtime's text (vite-plugin.ts builds it), behind a file of its own so that the lazily
 * loaded chunk is named after this file: a virtual module's chunk would start with "_virtual_", and
 * some static hosts (GitHub Pages' Jekyll) do not publish files whose names start with "_".
 */
export { default } from 'virtual:ws101-sandbox-runtime';
