/**
 * The sandbox document and the Content-Security-Policy it runs under: a different policy from the
 * page's (vite.config.ts), for a different job. public/build-sandbox.html carries it as a <meta> tag;
 * docs/deploy.md gives the header for hosts that send one (tests/unit/sandbox-policy.test.ts keeps the
 * three equal, and the hash equal to the document's inline script).
 *
 * - default-src 'none': nothing that is not named below — no images, styles, fonts, frames;
 * - script-src 'sha256-…' blob:: the document's own bootstrap (by hash: in an opaque-origin document
 *   'self' would depend on how a browser reads it), then the runtime and the learner's module, which
 *   the page hands over as text and which run from blob: URLs — never from a string (no 'unsafe-eval');
 * - worker-src blob:: the worker that runs the learner's module, started from the runtime's blob;
 * - connect-src 'none': no fetch, XHR, WebSocket or EventSource — the learner's code has no network
 *   (a blob: worker inherits the policy of the document that made it);
 * - base-uri 'none', form-action 'none': nothing to redirect.
 */

/** The file, beside index.html in the build (public/ is copied as it is). */
export const SANDBOX_DOCUMENT = 'build-sandbox.html';

/** sha256 of the inline bootstrap <script> of public/build-sandbox.html, exactly as written there. */
export const SANDBOX_BOOTSTRAP_HASH = 'sha256-JjZ3REaxrS3TaS/1p2VDSUgp4j9Kmf4j9vUkQBZ91ks=';

export const SANDBOX_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `script-src '${SANDBOX_BOOTSTRAP_HASH}' blob:`,
  'worker-src blob:',
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
