/**
 * The transport race's application messages: typed values written as JSON and read back. The simulator
 * writes every one of them, so a text that does not read back is a bug and must fail loudly, not be
 * skipped as "not an event".
 */
import { describe, expect, it } from 'vitest';
import {
  eventBytes,
  readEventId,
  readEventIds,
  readSentAt,
  upstreamBytes,
  upstreamText,
} from '../../src/sim/race/messages.ts';

const text = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('what the race writes reads back', () => {
  it('an event is its JSON, and its id reads back from it alone or in a poll’s array', () => {
    const one = text(eventBytes({ id: 3, price: 104 }));
    expect(one).toBe('{"id":3,"price":104}');
    expect(readEventId(one)).toBe(3);
    expect(readEventIds(`[${one},${text(eventBytes({ id: 4, price: 118 }))}]`)).toEqual([3, 4]);
  });

  it('upstream over HTTP is the message alone (the time goes in X-Sent-At); over WebSocket it carries sentAt', () => {
    expect(text(upstreamBytes({ msg: 2 }))).toBe('{"msg":2}');
    expect(upstreamText({ msg: 2 }, 6000)).toBe('{"msg":2,"sentAt":6000}');
    expect(readSentAt(upstreamText({ msg: 2 }, 6000))).toBe(6000);
  });
});

describe('what the race never writes throws', () => {
  it.each(['', '{"id":', 'not json'])('text that is not JSON (%j) → SyntaxError', (bad) => {
    expect(() => readEventId(bad)).toThrow(SyntaxError);
  });

  it('JSON that is not an event → an error naming the text', () => {
    expect(() => readEventId('{"msg":1}')).toThrow(/not an event: .*msg/);
    expect(() => readEventId('{"id":"7"}')).toThrow(/not an event/);
    expect(() => readEventIds('{"id":1}')).toThrow(/not a list of events/);
    expect(() => readEventIds('[{"id":1},{}]')).toThrow(/not an event/);
  });

  it('an upstream message without a finite sentAt → an error', () => {
    expect(() => readSentAt('{"msg":1}')).toThrow(/not an upstream message/);
  });
});
