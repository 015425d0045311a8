/**
 * After a close, the console says what to do next: a command on a closed connection names the rule and
 * `connect`, never calls a close frame a data frame; and a 1006 says why it was not clean.
 */
import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/i18n/text.ts';
import { eventSummary, failedFirst } from '../../src/sim/describe.ts';
import type { EngineNoteEvent } from '../../src/sim/timeline.ts';
import { World, type CommandResult } from '../../src/sim/world.ts';
import { PlaygroundSession } from '../../src/ui/playground/session.svelte.ts';

async function closedWorld(): Promise<World> {
  const w = new World();
  await w.connect();
  await w.settle();
  w.close(1000, 'bye');
  await w.settle();
  return w;
}

function refusal(r: CommandResult, lang: 'en' | 'ko' = 'en'): string {
  if (r.ok || !('reason' in r)) throw new Error(`not refused: ${JSON.stringify(r)}`);
  return renderText(lang, r.reason);
}

describe('commands after the closing handshake (RFC 6455 §5.5.1, §7.1.4)', () => {
  it('§7.1.4 send after the connection closed → refused, naming the rule and connect (en, ko)', async () => {
    const w = await closedWorld();
    expect(w.learner?.client?.state).toBe('CLOSED');
    const en = refusal(w.send('hi'));
    expect(en).toMatch(/§7\.1\.4/);
    expect(en).toMatch(/\bconnect\b/);
    expect(en).toMatch(/\breset\b/);
    const ko = refusal(w.send('hi'), 'ko');
    expect(ko).toMatch(/connect/);
    expect(ko).toMatch(/§7\.1\.4/);
  });

  it('§7.1.4 close after close → refused without calling the close frame a data frame', async () => {
    const w = await closedWorld();
    const text = refusal(w.close(1000, 'bye'));
    expect(text).not.toMatch(/data frame/i);
    expect(text).toMatch(/\bconnect\b/);
  });

  it('§5.5.1 send while the closing handshake is under way → refused with the data-frame rule', async () => {
    const w = new World();
    await w.connect();
    await w.settle();
    w.close(1000);
    // No settle: the server's close frame has not arrived yet, so the client is CLOSING.
    expect(w.learner?.client?.state).toBe('CLOSING');
    const send = refusal(w.send('hi'));
    expect(send).toMatch(/§5\.5\.1/);
    expect(send).toMatch(/\bconnect\b/);
    const close = refusal(w.close(1000));
    expect(close).not.toMatch(/data frame/i);
    expect(close).toMatch(/§7\.1\.2/);
  });

  it('connect after a close opens a new connection, as the refusal says', async () => {
    const s = new PlaygroundSession();
    await s.command('connect');
    await s.command('close 1000 bye');
    const refused = await s.command('send hi');
    expect(refused.kind).toBe('refused');
    expect(await s.command('connect')).toMatchObject({ kind: 'ok' });
    expect(await s.command('send hi')).toMatchObject({ kind: 'ok' });
  });
});

describe('§7.1.5 / §7.4.1 1006 explained where it is reported', () => {
  it('§7.1.7 the server that failed the connection reports 1006 and says it did not wait for a close frame', async () => {
    const w = new World();
    await w.connect();
    await w.settle();
    w.raw(Uint8Array.of(0x89, 0xfe, 0x00)); // a ping claiming a 16-bit length: §5.5 → 1002
    await w.settle();
    const events = w.timeline.events;
    const closed = events.filter(
      (e): e is EngineNoteEvent => e.kind === 'engine' && e.event.type === 'closed',
    );
    const server = closed.find((e) => e.endpoint === 'server')!;
    const client = closed.find((e) => e.endpoint === 'client')!;
    expect(server.event).toMatchObject({ code: 1006, wasClean: false });
    expect(client.event).toMatchObject({ code: 1002, wasClean: true });
    expect(failedFirst(events, server)).toBe(true);
    expect(failedFirst(events, client)).toBe(false);

    const why = renderText(
      'en',
      eventSummary(server, (x) => failedFirst(events, x)),
    );
    expect(why).toMatch(/failed the connection/);
    expect(why).toMatch(/§7\.1\.7/);
    expect(why).toMatch(/§7\.4\.1/);
    expect(
      renderText(
        'ko',
        eventSummary(server, (x) => failedFirst(events, x)),
      ),
    ).toMatch(/§7\.1\.7/);
    // Without the timeline a 1006 still says that no close frame came.
    expect(renderText('en', eventSummary(server))).toMatch(/before a close frame was received/);
  });
});
