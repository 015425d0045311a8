/**
 * The sandbox's runtime, bundled into one self-contained classic script (vite-plugin.ts) that the page
 * posts to build-sandbox.html. The frame runs it as a <script> from a blob: URL, and starts each worker
 * from that same URL: one script, two roles, told apart by the global scope it finds itself in.
 */
import { startFrame } from './frame.ts';
import { startWorker, type WorkerScope } from './worker.ts';

declare const WorkerGlobalScope: { prototype: object } | undefined;

if (
  typeof WorkerGlobalScope !== 'undefined' &&
  self instanceof (WorkerGlobalScope as unknown as typeof Object)
)
  startWorker(self as unknown as WorkerScope);
else {
  const script = document.currentScript;
  if (script instanceof HTMLScriptElement) startFrame(window, script.src);
}
