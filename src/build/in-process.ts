/**
 * A host that runs an already-imported `onConnection` in the same thread: the grader's tests under Node
 * use it with the fixtures in tests/fixtures/build. It has none of the sandbox's limits on time or memory
 * (the page's sandbox/ host has them); it only shares the socket and the error wording with it.
 */
import { failureOf } from './failure.ts';
import {
  OUTPUT_LIMIT,
  type ConnAction,
  type ConnId,
  type HostEvent,
  type HostFailure,
  type HostReply,
  type ServerHost,
} from './host.ts';
import { LearnerSocket, RunOutput } from './socket.ts';

export type OnConnection = (socket: LearnerSocket) => unknown;

/** One turn of the event loop: the code's promise jobs and zero-delay timers run before it ends. */
const idle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export class InProcessHost implements ServerHost {
  readonly #sockets = new Map<ConnId, LearnerSocket>();
  readonly #output = new RunOutput();
  #failure: HostFailure | null = null;

  constructor(
    private readonly onConnection: OnConnection,
    /** The module's URL, to find the learner's line in a stack trace. */
    private readonly moduleUrl: string,
    /** Chunks as the code receives them (a Buffer under Node, as net.Socket gives). */
    private readonly chunk: (bytes: Uint8Array) => Uint8Array = (b) => b,
  ) {}

  async deliver(conn: ConnId, event: HostEvent): Promise<HostReply> {
    if (this.#failure) return { ok: false, failure: this.#failure };
    try {
      let socket = this.#sockets.get(conn);
      if (event.kind === 'open') {
        socket = new LearnerSocket({
          remoteAddress: event.remoteAddress,
          remotePort: event.remotePort,
          output: this.#output,
          chunk: this.chunk,
          uncaught: (error) => this.#fail(failureOf('threw', error, this.moduleUrl)),
        });
        this.#sockets.set(conn, socket);
        this.onConnection(socket);
      } else socket?.receive(event);
    } catch (error) {
      this.#fail(failureOf('threw', error, this.moduleUrl));
    }
    await idle();
    await idle();
    if (!this.#failure && !this.#output.withinLimit) this.#fail({ kind: 'output', limit: OUTPUT_LIMIT });
    if (this.#failure) return { ok: false, failure: this.#failure };
    return { ok: true, actions: this.#takeActions(), logs: this.#output.takeLogs() };
  }

  #takeActions(): ConnAction[] {
    const all: ConnAction[] = [];
    for (const [conn, socket] of this.#sockets)
      for (const action of socket.takeActions()) all.push({ conn, action });
    return all;
  }

  #fail(failure: HostFailure): void {
    this.#failure ??= failure;
  }

  dispose(): void {
    this.#sockets.clear();
  }
}
