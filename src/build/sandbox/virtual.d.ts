declare module 'virtual:ws101-sandbox-runtime' {
  /** The sandbox runtime (runtime.ts) as one classic script's text (vite-plugin.ts). */
  const code: string;
  export default code;
}
