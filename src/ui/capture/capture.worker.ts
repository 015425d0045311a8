/**
 * The capture page's worker: reads the chosen file in slices and hands each to the capture reader
 * (src/capture), posting progress after each slice, so a 100 MB file never blocks the page's thread.
 * The page cancels by terminating the worker: nothing here needs to stop itself.
 *
 * The DEFLATE codec (pako) is imported here, not in the page: the worker is its own chunk, loaded only
 * when a capture is opened, so the rest of the site does not pay for it.
 */
import {
  CaptureAnalyzer,
  ContainerReader,
  readPacket,
  type CaptureResult,
  type Endpoint,
} from '../../capture/index.ts';
import { pakoCodec } from '../../protocol/deflate/pako.ts';
import { headOf, partsOf } from './portable.ts';
import { READ_SLICE, type FromWorker, type ToWorker } from './protocol.ts';

const post = (m: FromWorker, transfer: Transferable[] = []): void => postMessage(m, { transfer });

async function open(file: Blob, size: number): Promise<CaptureResult> {
  const analyzer = new CaptureAnalyzer(size);
  const slice = (at: number): Promise<ArrayBuffer> => file.slice(at, at + READ_SLICE).arrayBuffer();
  // The next slice is asked for before this one is read: the browser fetches it while the reader
  // works, rather than the reader waiting for it after each slice.
  let next = size > 0 ? slice(0) : null;
  for (let at = 0; next; at += READ_SLICE) {
    const chunk = new Uint8Array(await next);
    next = at + READ_SLICE < size ? slice(at + READ_SLICE) : null;
    const goOn = analyzer.push(chunk);
    post({ type: 'progress', read: Math.min(size, at + chunk.length), total: size });
    if (!goOn) {
      next?.catch(() => {}); // not needed: reading has stopped
      break;
    }
  }
  return analyzer.finish({ codec: pakoCodec });
}

const same = (a: Endpoint, address: string, port: number): boolean =>
  a.address === address && a.port === port;

/**
 * A libpcap file of one connection's packets, as captured (same bytes, same times, same link type),
 * for Wireshark or for opening here again. A pcapng with several link types keeps the first one's.
 */
async function exportConnection(
  file: Blob,
  client: Endpoint,
  server: Endpoint,
): Promise<Extract<FromWorker, { type: 'exported' }>> {
  const reader = new ContainerReader();
  const records: Uint8Array[] = [];
  let linkType: number | null = null;
  let skipped = 0;
  let total = 24;
  for (let at = 0; at < file.size; at += READ_SLICE) {
    const step = reader.push(new Uint8Array(await file.slice(at, at + READ_SLICE).arrayBuffer()));
    for (const p of step.packets) {
      const r = readPacket(p);
      if (r.kind !== 'tcp') continue;
      const s = r.segment;
      const ours =
        (same(client, s.src, s.srcPort) && same(server, s.dst, s.dstPort)) ||
        (same(server, s.src, s.srcPort) && same(client, s.dst, s.dstPort));
      if (!ours) continue;
      linkType ??= p.linkType;
      if (p.linkType !== linkType) {
        skipped++;
        continue;
      }
      const rec = new Uint8Array(16 + p.data.length);
      const v = new DataView(rec.buffer);
      const us = Math.floor(p.timeUs);
      v.setUint32(0, Math.floor(us / 1e6), true);
      v.setUint32(4, us % 1e6, true);
      v.setUint32(8, p.data.length, true);
      v.setUint32(12, p.wireLength, true);
      rec.set(p.data, 16);
      records.push(rec);
      total += rec.length;
    }
    if (step.kind === 'stopped') break;
  }
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  // libpcap's global header, little-endian, microseconds (pcap-savefile(5)).
  v.setUint32(0, 0xa1b2c3d4, true);
  v.setUint16(4, 2, true);
  v.setUint16(6, 4, true);
  v.setUint32(16, 262144, true);
  v.setUint32(20, linkType ?? 1, true);
  let o = 24;
  for (const r of records) {
    out.set(r, o);
    o += r.length;
  }
  return { type: 'exported', bytes: out, packets: records.length, skipped };
}

onmessage = (e: MessageEvent<ToWorker>): void => {
  const m = e.data;
  const work =
    m.type === 'open'
      ? open(m.file, m.size).then((result) => {
          post({ type: 'head', result: headOf(result) });
          for (const part of partsOf(result)) post({ type: 'part', part }, [part.buffer]);
          post({ type: 'done' });
        })
      : exportConnection(m.file, m.client, m.server).then((r) => post(r, [r.bytes.buffer]));
  work.catch((err: unknown) =>
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) }),
  );
};
