/**
 * The home page's story is one WebSocket's life as RFC 6455 §1.2–§1.4 tell it, computed by the
 * engine: TCP's three-way handshake, the Upgrade request, the 101, data frames (masked from the
 * client, §5.3), a ping answered by a pong (§5.5.3), the close handshake (§5.5.1) and TCP's FIN/ACKs.
 */
import { describe, expect, it } from 'vitest';
import { tellStory } from '../../src/ui/home/story.ts';

describe('home story', () => {
  it('runs every line and keeps the arrows of the story in time order', async () => {
    const s = await tellStory();
    expect(s.refused).toEqual([]);
    expect(s.rows.map((r) => `${r.toServer ? '→' : '←'} ${r.label}`)).toEqual([
      '→ SYN',
      '← SYN-ACK',
      '→ ACK',
      '→ GET /chat (Upgrade: websocket)',
      '← 101 Switching Protocols',
      '→ TEXT "hello" (masked)',
      '← TEXT "hello"',
      '→ PING (masked)',
      '← PONG',
      '→ CLOSE 1000 "bye" (masked)',
      '← CLOSE 1000',
      '← FIN-ACK',
      '→ ACK',
      '→ FIN-ACK',
      '← ACK',
    ]);
    const sends = s.rows.map((r) => r.sendT);
    expect(sends).toEqual([...sends].sort((a, b) => a - b));
    for (const r of s.rows) expect(r.arriveT).toBeGreaterThan(r.sendT);
  });

  it('shows the first wire bytes of each message, and says how many there are', async () => {
    const s = await tellStory();
    const echo = s.rows.find((r) => r.label === 'TEXT "hello"')!;
    expect(echo.hex).toBe('81 05 68 65 6c 6c …');
    expect(echo.bytes).toBe(7);
    const pong = s.rows.find((r) => r.label === 'PONG')!;
    expect(pong.hex).toBe('8a 00');
    expect(s.rows.find((r) => r.label === 'SYN')!.hex).toBe('');
  });

  it('is the same every time (a seeded World) and links to the same lines in the playground', async () => {
    const [a, b] = [await tellStory(), await tellStory()];
    expect(a.rows).toEqual(b.rows);
    expect(a.playgroundHash).toBe(
      '#/playground?server=echo&run=connect;send%20hello;ping;close%201000%20bye',
    );
  });

  it('reports a line the console refuses instead of throwing', async () => {
    const s = await tellStory(['send before connect', 'nonsense']);
    expect(s.refused).toEqual(['send before connect', 'nonsense']);
  });
});
