/**
 * The page's side of the sandbox: `createSandboxHost` is the HostFactory the #/build page gives the
 * grader. Nothing of the learner's runs on the page's thread:
 *
 *   page (this) ──▶ <iframe sandbox="allow-scripts" src="build-sandbox.html"> ──▶ Worker (learner's module)
 *
 * - The iframe has an opaque origin (no allow-same-origin): no access to the page, its storage or
 *   cookies, and its own Content-Security-Policy (policy.ts) with connect-src 'none'.
 * - Chromium gives a sandboxed iframe its own process, so a learner's allocation that exhausts memory
 *   kills that process, not the page (measured by the lead: the same Worker in the page took the whole
 *   tab down). The page pings the frame while it waits; no pong for SANDBOX_SILENCE_MS of the page's
 *   own running time means the process is gone (→ 'memory'), and the next load starts a new iframe.
 * - An endless loop is the frame's to catch (its thread stays free): past the deadline it terminates
 *   the worker (→ 'timeout'). A load or deliver therefore always resolves.
 * Everything from the frame is checked (source === the iframe's window, every field's type) before it
 * is believed (protocol.ts).
 */
import type { ConnId, HostEvent, HostFactory, HostFailure, HostReply, ServerHost } from '../host.ts';
import { SANDBOX_DOCUMENT } from './policy.ts';
import { prepare } from './prepare.ts';
import {
  CHANNEL,
  readFrameMessage,
  type FrameMessage,
  type HostId,
  type LoadResult,
  type PageMessage,
} from './protocol.ts';

/** Real time one delivery (or the module's top-level code) may take before it counts as endless. */
export const SANDBOX_DEADLINE_MS = 2000;
/**
 * Page running time without a pong after which the frame's process is taken for dead. Counted in
 * ticks of the page's own timer, each worth at most two periods: a page that was itself busy (or in a
 * background tab) does not mistake its own pause for the frame's death.
 */
export const SANDBOX_SILENCE_MS = 1500;
const PING_EVERY_MS = 250;
/** From the iframe's load event to its bootstrap's first message: longer means a CSP blocked it. */
const BOOT_GRACE_MS = 3000;
/** The whole start, on a slow phone: document, runtime (~100 KB of script), first answer. */
const BOOT_MS = 20_000;

export interface SandboxOptions {
  /** Deadline per delivery, for tests (default SANDBOX_DEADLINE_MS). */
  readonly deadlineMs?: number;
  readonly silenceMs?: number;
  /** The sandbox document (default build-sandbox.html beside the page's index.html). */
  readonly documentUrl?: string;
}

const memoryFailure: HostFailure = { kind: 'memory', message: "the sandbox's process ran out of memory" };

/** Cannot happen (answers are keyed by their type), but the types cannot know that. */
const misrouted: HostFailure = { kind: 'sandbox', message: 'the sandbox answered out of turn' };

type Waiter = (message: FrameMessage | HostFailure) => void;

/** One sandbox iframe: booted once, shared by the hosts loaded into it, replaced when it dies. */
class SandboxFrame {
  readonly #iframe: HTMLIFrameElement;
  readonly #waiters = new Map<string, Waiter>();
  readonly #options: Required<SandboxOptions>;
  readonly ready: Promise<HostFailure | null>;
  #dead: HostFailure | null = null;
  #nextHost = 1;
  #ping = 0;
  #quietMs = 0;
  #lastTick = 0;
  #watchdog: ReturnType<typeof setInterval> | null = null;
  #onMessage = (e: MessageEvent) => this.#receive(e);

  constructor(options: Required<SandboxOptions>) {
    this.#options = options;
    const iframe = document.createElement('iframe');
    // allow-scripts only: an opaque origin (no allow-same-origin), no popups, forms or navigation.
    iframe.setAttribute('sandbox', 'allow-scripts');
    iframe.setAttribute('aria-hidden', 'true');
    iframe.tabIndex = -1;
    iframe.title = 'ws101 sandbox';
    // Out of sight but not display:none, which browsers may throttle in a cross-origin frame.
    Object.assign(iframe.style, {
      position: 'fixed',
      left: '0',
      top: '0',
      width: '1px',
      height: '1px',
      border: '0',
      opacity: '0',
      pointerEvents: 'none',
    });
    this.#iframe = iframe;
    window.addEventListener('message', this.#onMessage);
    this.ready = this.#boot();
  }

  get dead(): boolean {
    return this.#dead !== null;
  }

  async #boot(): Promise<HostFailure | null> {
    const documentReady = this.#wait('document-ready', BOOT_MS);
    const loaded = new Promise<void>((resolve) =>
      this.#iframe.addEventListener('load', () => resolve(), { once: true }),
    );
    this.#iframe.src = this.#options.documentUrl;
    document.body.append(this.#iframe);
    // Loaded but silent: the document's script was refused (a host sent it the page's policy) or the
    // file is missing. Either way the page can say which header to send.
    void loaded.then(() =>
      setTimeout(
        () =>
          this.#settle('document-ready', {
            kind: 'sandbox',
            message: `${SANDBOX_DOCUMENT} loaded but its script did not run: is the file deployed, with its own Content-Security-Policy (docs/deploy.md)?`,
          }),
        BOOT_GRACE_MS,
      ),
    );
    // The runtime's text (~50 KB) is its own chunk, fetched while the document loads.
    const runtime = import('./runtime-code.ts').then(
      (m) => m.default,
      (error: unknown) => ({
        kind: 'sandbox' as const,
        message: `the sandbox runtime did not load: ${String(error)}`,
      }),
    );
    const first = await documentReady;
    if ('kind' in first) return this.#die(first);
    const code = await runtime;
    if (typeof code !== 'string') return this.#die(code);
    const runtimeReady = this.#wait('runtime-ready', BOOT_MS);
    this.#post({ channel: CHANNEL, type: 'runtime', code });
    const second = await runtimeReady;
    if ('kind' in second) {
      const message = `${SANDBOX_DOCUMENT} did not start the runtime: its Content-Security-Policy must allow blob: scripts (docs/deploy.md)`;
      return this.#die(second.kind === 'sandbox' ? { kind: 'sandbox', message } : second);
    }
    return null;
  }

  /** Loads a module into a new worker; the id names its host in later messages. */
  async load(module: string): Promise<{ id: HostId; result: LoadResult }> {
    const id = this.#nextHost++;
    const answer = this.#wait(`loaded:${id}`, this.#backstop());
    this.#post({ channel: CHANNEL, type: 'load', host: id, module, deadlineMs: this.#options.deadlineMs });
    const m = await answer;
    if ('kind' in m) return { id, result: { ok: false, failure: m } };
    return { id, result: m.type === 'loaded' ? m.result : { ok: false, failure: misrouted } };
  }

  async deliver(host: HostId, seq: number, conn: ConnId, event: HostEvent): Promise<HostReply> {
    const answer = this.#wait(`reply:${host}:${seq}`, this.#backstop());
    this.#post({ channel: CHANNEL, type: 'deliver', host, seq, conn, event });
    const m = await answer;
    if ('kind' in m) return { ok: false, failure: m };
    return m.type === 'reply' ? m.reply : { ok: false, failure: misrouted };
  }

  dispose(host: HostId): void {
    this.#post({ channel: CHANNEL, type: 'dispose', host });
  }

  /** Removes the iframe (its process ends); anyone still waiting gets `failure`. */
  close(failure: HostFailure = { kind: 'sandbox', message: 'the sandbox was closed' }): void {
    this.#die(failure);
  }

  /**
   * The frame enforces the deadline; this is the page's guard if the frame itself stops answering
   * while still ponging (it should not): deadline, then the frame's own time to report, then slack.
   */
  #backstop(): number {
    return this.#options.deadlineMs + this.#options.silenceMs + 5000;
  }

  #post(message: PageMessage): void {
    if (this.#dead) return;
    // '*': the frame's origin is opaque ("null"), which no targetOrigin can name.
    this.#iframe.contentWindow?.postMessage(message, '*');
  }

  #wait(key: string, ms: number): Promise<FrameMessage | HostFailure> {
    if (this.#dead) return Promise.resolve(this.#dead);
    return new Promise((resolve) => {
      const timer = setTimeout(
        () =>
          this.#settle(key, {
            kind: 'sandbox',
            message: `the sandbox did not answer within ${Math.round(ms / 1000)} s`,
          }),
        ms,
      );
      this.#waiters.set(key, (m) => {
        clearTimeout(timer);
        resolve(m);
      });
      this.#watch();
    });
  }

  #settle(key: string, message: FrameMessage | HostFailure): void {
    const waiter = this.#waiters.get(key);
    if (!waiter) return;
    this.#waiters.delete(key);
    waiter(message);
    if (this.#waiters.size === 0) this.#unwatch();
  }

  #receive(e: MessageEvent): void {
    if (this.#dead || e.source !== this.#iframe.contentWindow) return;
    const m = readFrameMessage(e.data);
    if (!m) return;
    this.#quietMs = 0; // any message shows the frame's process alive
    switch (m.type) {
      case 'document-ready':
      case 'runtime-ready':
        return this.#settle(m.type, m);
      case 'pong':
        return;
      case 'loaded':
        return this.#settle(`loaded:${m.host}`, m);
      case 'reply':
        return this.#settle(`reply:${m.host}:${m.seq}`, m);
    }
  }

  /** While anything waits: ping, and count the page's running time since the last sign of life. */
  #watch(): void {
    if (this.#watchdog !== null) return;
    this.#quietMs = 0;
    this.#lastTick = performance.now();
    this.#watchdog = setInterval(() => {
      const now = performance.now();
      this.#quietMs += Math.min(now - this.#lastTick, 2 * PING_EVERY_MS);
      this.#lastTick = now;
      // Until the runtime runs there is no one to answer a ping: the boot has its own timers.
      if (this.#waiters.has('document-ready') || this.#waiters.has('runtime-ready')) return;
      if (this.#quietMs >= this.#options.silenceMs) {
        this.#die(memoryFailure);
        return;
      }
      this.#post({ channel: CHANNEL, type: 'ping', n: this.#ping++ });
    }, PING_EVERY_MS);
  }

  #unwatch(): void {
    if (this.#watchdog !== null) clearInterval(this.#watchdog);
    this.#watchdog = null;
  }

  #die(failure: HostFailure): HostFailure {
    if (this.#dead) return this.#dead;
    this.#dead = failure;
    this.#unwatch();
    window.removeEventListener('message', this.#onMessage);
    this.#iframe.remove();
    for (const [key, waiter] of [...this.#waiters]) {
      this.#waiters.delete(key);
      waiter(failure);
    }
    return failure;
  }
}

class SandboxHost implements ServerHost {
  #failure: HostFailure | null = null;
  #seq = 0;

  constructor(
    private readonly frame: SandboxFrame,
    private readonly id: HostId,
  ) {}

  async deliver(conn: ConnId, event: HostEvent): Promise<HostReply> {
    if (this.#failure) return { ok: false, failure: this.#failure };
    const reply = await this.frame.deliver(this.id, this.#seq++, conn, event);
    if (!reply.ok) this.#failure ??= reply.failure;
    return this.#failure ? { ok: false, failure: this.#failure } : reply;
  }

  dispose(): void {
    this.#failure ??= { kind: 'sandbox', message: 'this run was disposed' };
    this.frame.dispose(this.id);
  }
}

/** A HostFactory with its own sandbox iframe and limits (tests use short or long deadlines). */
export function sandboxHostFactory(options: SandboxOptions = {}): HostFactory & { close(): void } {
  const resolved: Required<SandboxOptions> = {
    deadlineMs: options.deadlineMs ?? SANDBOX_DEADLINE_MS,
    silenceMs: options.silenceMs ?? SANDBOX_SILENCE_MS,
    documentUrl: options.documentUrl ?? new URL(SANDBOX_DOCUMENT, document.baseURI).href,
  };
  let frame: SandboxFrame | null = null;
  const factory = async (source: string) => {
    const prepared = prepare(source);
    if (!prepared.ok) return prepared;
    // After a crash (or a failed boot) the next run starts in a new iframe, and so a new process.
    if (!frame || frame.dead) frame = new SandboxFrame(resolved);
    const current = frame;
    const booted = await current.ready;
    if (booted) return { ok: false as const, failure: booted };
    const { id, result } = await current.load(prepared.module);
    if (!result.ok) return result;
    return { ok: true as const, host: new SandboxHost(current, id) };
  };
  return Object.assign(factory, {
    close() {
      frame?.close();
      frame = null;
    },
  });
}

let shared: (HostFactory & { close(): void }) | null = null;

/** The learner's module in the page's sandbox (one iframe for the page, a new worker per call). */
export const createSandboxHost: HostFactory = (source) => (shared ??= sandboxHostFactory())(source);

/** Removes the page's sandbox iframe (the #/build page calls it when it goes away). */
export function closeSandbox(): void {
  shared?.close();
}
