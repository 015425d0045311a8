/**
 * The supervisor inside build-sandbox.html (an `<iframe sandbox="allow-scripts">`: opaque origin, its
 * own process in Chromium). It starts one worker per loaded host and relays the page's requests to it.
 *
 * Its own thread never runs the learner's code, so its timers fire while the worker spins: the deadline
 * of every request is kept here, and a worker that misses it is terminated (→ 'timeout'). If the worker
 * instead exhausts memory, the browser kills this whole process; the page notices the missing pongs
 * (host.ts) and says so (→ 'memory'). A worker that has failed once is terminated too: a learner's
 * setInterval must not keep spinning after its run is over.
 */
import type { HostFailure } from '../host.ts';
import {
  CHANNEL,
  readPageMessage,
  readWorkerAnswer,
  type FrameMessage,
  type HostId,
  type LoadResult,
  type PageMessage,
  type WorkerRequest,
} from './protocol.ts';

interface Running {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly deadlineMs: number;
  /** Requests the worker has not answered: 'load' or a deliver's seq → its deadline timer. */
  readonly pending: Map<'load' | number, ReturnType<typeof setTimeout>>;
  /** Set once the run failed: every later request gets it at once. */
  failure: HostFailure | null;
}

export function startFrame(win: Window, runtimeUrl: string): void {
  const hosts = new Map<HostId, Running>();
  // '*': the page's origin is not known to an opaque-origin document, and nothing here is secret (the
  // learner's own run results). What comes *in* is checked: only the parent window, only known shapes.
  const post = (m: FrameMessage) => win.parent.postMessage(m, '*');

  const answer = (host: HostId, key: 'load' | number, failure: HostFailure | null) => {
    if (key === 'load') {
      const result: LoadResult = failure ? { ok: false, failure } : { ok: true };
      post({ channel: CHANNEL, type: 'loaded', host, result });
    } else if (failure)
      post({ channel: CHANNEL, type: 'reply', host, seq: key, reply: { ok: false, failure } });
  };

  /** Ends a run: the worker is terminated, and every request still waiting gets `failure`. */
  const stop = (host: HostId, run: Running, failure: HostFailure) => {
    run.failure ??= failure;
    run.worker.terminate();
    run.port.close();
    for (const [key, timer] of run.pending) {
      clearTimeout(timer);
      answer(host, key, run.failure);
    }
    run.pending.clear();
  };

  const send = (host: HostId, run: Running, key: 'load' | number, request: WorkerRequest) => {
    if (run.failure) return answer(host, key, run.failure);
    run.pending.set(
      key,
      setTimeout(() => stop(host, run, { kind: 'timeout', ms: run.deadlineMs }), run.deadlineMs),
    );
    run.port.postMessage(request);
  };

  const load = (m: Extract<PageMessage, { type: 'load' }>) => {
    hosts.get(m.host)?.worker.terminate();
    let worker: Worker;
    try {
      worker = new Worker(runtimeUrl, { name: `ws101 learner server ${m.host}` });
    } catch (error) {
      // worker-src refused (a host that sent another Content-Security-Policy for this document).
      const message = `the sandbox could not start its worker: ${String(error)}`;
      return answer(m.host, 'load', { kind: 'sandbox', message });
    }
    const channel = new MessageChannel();
    const run: Running = {
      worker,
      port: channel.port1,
      deadlineMs: m.deadlineMs,
      pending: new Map(),
      failure: null,
    };
    hosts.set(m.host, run);
    worker.onerror = (e) => {
      // The runtime's own script failed to start (the learner's errors are caught inside the worker).
      e.preventDefault();
      stop(m.host, run, {
        kind: 'sandbox',
        message: `the sandbox's worker failed: ${e.message || 'no message'}`,
      });
    };
    channel.port1.onmessage = (e) => {
      const a = readWorkerAnswer(e.data);
      if (!a) return;
      const key = a.type === 'loaded' ? 'load' : a.seq;
      const timer = run.pending.get(key);
      if (timer === undefined) return; // answered already (the deadline passed)
      clearTimeout(timer);
      run.pending.delete(key);
      if (a.type === 'loaded') post({ channel: CHANNEL, type: 'loaded', host: m.host, result: a.result });
      else post({ channel: CHANNEL, type: 'reply', host: m.host, seq: a.seq, reply: a.reply });
      const failure =
        a.type === 'loaded' ? (a.result.ok ? null : a.result.failure) : a.reply.ok ? null : a.reply.failure;
      if (failure) stop(m.host, run, failure);
    };
    worker.postMessage(null, [channel.port2]);
    send(m.host, run, 'load', { type: 'load', module: m.module });
  };

  win.addEventListener('message', (e: MessageEvent) => {
    if (e.source !== win.parent) return;
    const m = readPageMessage(e.data);
    if (!m) return;
    switch (m.type) {
      case 'ping':
        return post({ channel: CHANNEL, type: 'pong', n: m.n });
      case 'load':
        return load(m);
      case 'deliver': {
        const run = hosts.get(m.host);
        if (!run) {
          const message = `the sandbox has no module loaded as host ${m.host}`;
          return answer(m.host, m.seq, { kind: 'sandbox', message });
        }
        return send(m.host, run, m.seq, { type: 'deliver', seq: m.seq, conn: m.conn, event: m.event });
      }
      case 'dispose': {
        const run = hosts.get(m.host);
        if (run) stop(m.host, run, { kind: 'sandbox', message: 'disposed' });
        hosts.delete(m.host);
        return;
      }
      case 'runtime':
        return; // the bootstrap's; the runtime is already running
    }
  });
  post({ channel: CHANNEL, type: 'runtime-ready' });
}
