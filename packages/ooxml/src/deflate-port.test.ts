import { inflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { concatBytes } from './bytes.js';
import { createCompressionStreamDeflater } from './compression-stream-deflate.js';
import { createPortDeflater, serveDeflate } from './deflate-port.js';
import { expectPartsAsFflateGives } from './deflater.test-support.js';
import type { CreateRawDeflater } from './native-zip-deflate.js';

const channels: MessageChannel[] = [];

/** A channel whose second end deflates with `createDeflater`, as the deflating worker does. */
function deflatingChannel(createDeflater: CreateRawDeflater): { port: MessagePort; sent: ArrayBuffer[] } {
  const channel = new MessageChannel();
  channels.push(channel);
  serveDeflate(channel.port2, createDeflater);
  // What crosses the channel, as the other end receives it.
  const sent: ArrayBuffer[] = [];
  channel.port2.addEventListener('message', (event) => {
    const buffer = (event.data as { buffer?: ArrayBuffer }).buffer;
    if (buffer) sent.push(buffer);
  });
  return { port: channel.port1, sent };
}

afterEach(() => {
  for (const channel of channels.splice(0)) {
    channel.port1.close();
    channel.port2.close();
  }
});

const platform = createCompressionStreamDeflater();

describe('deflating at the other end of a message channel', () => {
  it('writes a workbook whose every part is the one fflate’s deflate gives', async () => {
    const { port } = deflatingChannel(platform!);
    await expectPartsAsFflateGives(createPortDeflater(port));
  });

  it('keeps two streams apart and each in order, their batches interleaved', async () => {
    const { port } = deflatingChannel(platform!);
    const create = createPortDeflater(port);
    const first = create(5);
    const second = create(5);
    const text = (word: string) => new TextEncoder().encode(`<t>${word}</t>`.repeat(20_000));
    const a = text('健步走');
    const b = text('广场舞');
    // Each batch its own buffer, as the xlsx writer pushes them: a pushed buffer is handed over.
    const pieces = (bytes: Uint8Array) => [bytes.slice(0, 50_000), bytes.slice(50_000)];
    const [a1, a2] = pieces(a);
    const [b1, b2] = pieces(b);
    const out = await Promise.all([
      first.push(a1!, false),
      second.push(b1!, false),
      first.push(a2!, true),
      second.push(b2!, true),
    ]);
    expect(Buffer.from(inflateRawSync(concatBytes([out[0]!, out[2]!]))).equals(Buffer.from(a))).toBe(true);
    expect(Buffer.from(inflateRawSync(concatBytes([out[1]!, out[3]!]))).equals(Buffer.from(b))).toBe(true);
  });

  it('hands the batch’s whole buffer over, not a copy', async () => {
    const { port, sent } = deflatingChannel(platform!);
    const staging = new Uint8Array(1 << 20).fill(0x41);
    const view = staging.subarray(1000, 1100);
    const expected = view.slice();
    const bytes = await createPortDeflater(port)(5).push(view, true);
    expect(Buffer.from(inflateRawSync(bytes)).equals(Buffer.from(expected))).toBe(true);
    expect(sent.map((buffer) => buffer.byteLength)).toEqual([1 << 20]);
    // Transferred: the writer's buffer is gone from this side.
    expect(staging.byteLength).toBe(0);
  });

  it('copies a batch whose buffer cannot be handed over (Node’s pool behind small Buffers)', async () => {
    const { port } = deflatingChannel(platform!);
    const pooled = Buffer.from('健步走，广场舞');
    const bytes = await createPortDeflater(port)(5).push(pooled, true);
    expect(inflateRawSync(bytes).toString()).toBe('健步走，广场舞');
    expect(pooled.toString()).toBe('健步走，广场舞');
  });

  it('rejects the push with the deflater’s reason when it fails', async () => {
    const failing: CreateRawDeflater = () => ({
      push: () => {
        throw new Error('内存不足 (out of memory)');
      },
    });
    const { port } = deflatingChannel(failing);
    await expect(createPortDeflater(port)(5).push(new Uint8Array(10), true)).rejects.toThrow(
      '内存不足 (out of memory)',
    );
  });
});
