/**
 * The capstone's grader against the reference solution and one broken copy per stage
 * (tests/fixtures/build), run in-process: the reference passes every stage; each broken copy fails
 * exactly the stage its mistake belongs to, with the reason a learner should read.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runStages } from '../../src/build/grade.ts';
import type { HostFactory } from '../../src/build/host.ts';
import { InProcessHost, type OnConnection } from '../../src/build/in-process.ts';
import type { StageResult } from '../../src/build/report.ts';
import { STAGES } from '../../src/build/stages.ts';
import { renderText } from '../../src/i18n/text.ts';
import { BROKEN, brokenSource } from '../support/build-broken.ts';

const fixture = (name: string): URL => new URL(`../fixtures/build/${name}`, import.meta.url);

/** A broken copy written out as a file, so it is imported like the learner's module. */
const dir = mkdtempSync(join(tmpdir(), 'ws101-broken-'));
function broken(name: string): URL {
  const path = join(dir, `${name}.js`);
  writeFileSync(path, brokenSource(name));
  return pathToFileURL(path);
}

/** A HostFactory for a fixture file: the source string is ignored, the module is imported fresh. */
function hostsFor(url: URL): HostFactory {
  let n = 0;
  return async () => {
    const mod = (await import(`${url.href}?instance=${n++}`)) as { default: OnConnection };
    return { ok: true, host: new InProcessHost(mod.default, url.href, (b) => Buffer.from(b)) };
  };
}

const reason = (r: StageResult): string =>
  r.status === 'fail'
    ? renderText('en', r.reason as never)
    : r.status === 'crash'
      ? JSON.stringify(r.failure)
      : 'pass';

describe('the reference solution', () => {
  it('passes every stage', async () => {
    const report = await runStages('', hostsFor(fixture('reference.js')));
    expect(report.results.map((r) => [r.stage, r.status, reason(r)])).toEqual(
      STAGES.map((s) => [s.slug, 'pass', 'pass']),
    );
    expect(report.passed).toBe(STAGES.length);
  });
});

describe('one broken copy per stage fails exactly that stage', () => {
  for (const [file, stage, says] of BROKEN) {
    it(`${file} passes every stage before "${stage}" and fails "${stage}"`, async () => {
      const report = await runStages('', hostsFor(broken(file)));
      const at = STAGES.findIndex((s) => s.slug === stage);
      const got = report.results.map((r) => `${r.stage}:${r.status}`);
      expect(got.slice(0, at)).toEqual(STAGES.slice(0, at).map((s) => `${s.slug}:pass`));
      const result = report.results[at]!;
      expect(result.status, reason(result)).toBe('fail');
      console.log(`${file}: ${reason(result)}`);
      expect(reason(result)).toMatch(says);
      // The diagram opens on the arrow whose bytes went wrong.
      if (result.status === 'fail' && result.spot)
        expect(result.timeline.events[result.spot.eventId]).toBeDefined();
    });
  }
});

describe("where the diagram opens, and the reader's language", () => {
  it('a wrong Accept opens the 101 at the first character of the header value that differs', async () => {
    const report = await runStages('', hostsFor(broken('wrong-accept')), { only: ['handshake'] });
    const result = report.results[0]!;
    if (result.status !== 'fail' || !result.spot) throw new Error('expected a failure with a spot');
    const ev = result.timeline.events[result.spot.eventId]!;
    expect(ev.kind).toBe('http');
    const bytes = 'bytes' in ev ? ev.bytes : new Uint8Array();
    const head = new TextDecoder().decode(bytes);
    expect(head.slice(result.spot.byte!)).toMatch(/^WJfwerbIozKsJXHxxI0JTO1SQgU=\r\n/);
  });

  it('every failure reads in Korean with no placeholder left', async () => {
    for (const [file] of BROKEN) {
      const report = await runStages('', hostsFor(broken(file)));
      for (const r of report.results) {
        if (r.status !== 'fail') continue;
        const ko = renderText('ko', r.reason as never);
        expect(ko, file).not.toMatch(/\{\w+\}|build\./);
        expect(ko, file).toMatch(/[가-힣]/);
      }
    }
  });
});

describe('a server that breaks is a lesson, not a crash of the grader', () => {
  const hostsOf =
    (onConnection: OnConnection): HostFactory =>
    async () => ({
      ok: true,
      host: new InProcessHost(onConnection, 'file:///my-server.js'),
    });

  it('a handler that throws ends the stage as a crash naming the error', async () => {
    const report = await runStages(
      '',
      hostsOf((socket) => {
        socket.on('data', () => {
          throw new TypeError('buffer.subarray is not a function');
        });
      }),
      { only: ['handshake'] },
    );
    const r = report.results[0]!;
    expect(r.status).toBe('crash');
    if (r.status === 'crash')
      expect(r.failure).toMatchObject({
        kind: 'threw',
        message: 'TypeError: buffer.subarray is not a function',
      });
  });

  it('RFC 9110 §15.5.22: a 426 without "Upgrade: websocket" fails stage 2 with that rule', async () => {
    const report = await runStages('', hostsFor(fixture('reference.js')), { only: ['refuse'] });
    expect(report.results[0]!.status).toBe('pass');
    const withUpgrade = "'Upgrade: websocket\\r\\nSec-WebSocket-Version: 13\\r\\n'";
    const reference = readFileSync(fixture('reference.js'), 'utf8');
    expect(reference).toContain(withUpgrade);
    const path = join(dir, 'no-upgrade-in-426.js');
    writeFileSync(path, reference.replace(withUpgrade, "'Sec-WebSocket-Version: 13\\r\\n'"));
    const r = (await runStages('', hostsFor(pathToFileURL(path)), { only: ['refuse'] })).results[0]!;
    expect(r.status === 'fail' && renderText('en', r.reason as never)).toMatch(
      /Your 426 has no "Upgrade: websocket" header: RFC 9110 §15.5.22/,
    );
  });

  it('a server that never answers fails stage 1 with "sent nothing back", and the grader returns', async () => {
    const report = await runStages(
      '',
      hostsOf(() => {}),
    );
    expect(report.passed).toBe(0);
    const first = report.results[0]!;
    expect(first.status === 'fail' && renderText('en', first.reason as never)).toMatch(/sent nothing back/);
  });

  it('a server that writes without end is stopped at the output limit, and the run ends there', async () => {
    const report = await runStages(
      '',
      hostsOf((socket) => {
        socket.on('data', () => {
          for (let i = 0; i < 3000; i++) socket.write(new Uint8Array(1024));
        });
      }),
    );
    // The seven stages after it would only flood again: they are not run.
    expect(report.results).toHaveLength(1);
    expect(report.haltedAt).toBe('handshake');
    const r = report.results[0]!;
    expect(r.status === 'crash' && r.failure.kind).toBe('output');
  });

  it('a throw ends only its stage: the next stages still run', async () => {
    const report = await runStages(
      '',
      hostsOf((socket) => {
        socket.on('data', () => {
          throw new Error('not yet');
        });
      }),
    );
    expect(report.haltedAt).toBeNull();
    expect(report.results.map((r) => r.status)).toEqual(STAGES.map(() => 'crash'));
  });
});
