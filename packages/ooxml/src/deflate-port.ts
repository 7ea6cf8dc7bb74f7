import type { CreateRawDeflater, RawDeflater } from './native-zip-deflate.js';

/** One end of a message channel: a `MessagePort`, a `Worker`, or a worker's own global scope. */
export interface DeflatePort {
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  /** A `MessagePort` delivers nothing until started; the other kinds have no such method. */
  start?(): void;
}

/** A batch to deflate: which stream it belongs to, and whether it is the stream's last. */
interface DeflateRequest {
  jianshenDeflate: 'push';
  id: number;
  stream: number;
  level: number;
  /** The batch: `length` bytes of `buffer` from `offset`. */
  buffer: ArrayBuffer;
  offset: number;
  length: number;
  final: boolean;
}

/** The compressed bytes the batch gave, or why the deflater failed. */
type DeflateReply =
  | { jianshenDeflate: 'done'; id: number; bytes: Uint8Array<ArrayBuffer> }
  | { jianshenDeflate: 'failed'; id: number; reason: string };

/** The view's own bytes: structured cloning copies a view's whole buffer, not just the view. */
function ownBytes<View extends Uint8Array>(view: View): View {
  return view.byteLength === view.buffer.byteLength ? view : (view.slice() as View);
}

function isRequest(data: unknown): data is DeflateRequest {
  return (data as DeflateRequest | null)?.jianshenDeflate === 'push';
}

function isReply(data: unknown): data is DeflateReply {
  const kind = (data as DeflateReply | null)?.jianshenDeflate;
  return kind === 'done' || kind === 'failed';
}

/**
 * Sends a batch to the deflating end, its buffer transferred: no copy. A buffer that cannot be
 * transferred (Node's pool behind small Buffers) is copied instead.
 */
function sendBatch(
  port: DeflatePort,
  request: Omit<DeflateRequest, 'buffer' | 'offset' | 'length'>,
  chunk: Uint8Array,
): void {
  const buffer = chunk.buffer as ArrayBuffer;
  try {
    port.postMessage(
      { ...request, buffer, offset: chunk.byteOffset, length: chunk.byteLength } satisfies DeflateRequest,
      [buffer],
    );
  } catch {
    const copy = chunk.slice();
    port.postMessage(
      { ...request, buffer: copy.buffer, offset: 0, length: copy.byteLength } satisfies DeflateRequest,
      [copy.buffer],
    );
  }
}

/**
 * A `CreateRawDeflater` whose deflating happens at the other end of `port` (see `serveDeflate`),
 * for a page's worker that has no zlib thread pool beside it. `CompressionStream` deflates on the
 * thread that writes to it: in the page's aggregate worker, 680 ms of the medium batch's 2.0 s
 * workbook (profile). Sent to a worker of its own, that deflating runs on another core while the
 * next rows are made.
 *
 * Each batch's buffer is transferred, whole: after `push` the caller must not touch it, nor any
 * other view of the same buffer. The xlsx writer never does (a pushed staging buffer is never
 * reused). Copying instead cost as much as the deflating it moved: cloning and slicing 65 MB of
 * 256 KiB batches took ~620 ms of the aggregate worker (profile).
 */
export function createPortDeflater(port: DeflatePort): CreateRawDeflater {
  const waiting = new Map<
    number,
    { resolve: (bytes: Uint8Array<ArrayBuffer>) => void; reject: (error: Error) => void }
  >();
  let nextId = 0;
  let nextStream = 0;
  port.addEventListener('message', (event) => {
    const reply = event.data;
    if (!isReply(reply)) return;
    const settle = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.jianshenDeflate === 'done') settle?.resolve(reply.bytes);
    else settle?.reject(new Error(reply.reason));
  });
  port.start?.();
  return (level) => {
    const stream = nextStream++;
    return {
      push: (chunk, final) =>
        new Promise((resolve, reject) => {
          const id = nextId++;
          waiting.set(id, { resolve, reject });
          sendBatch(port, { jianshenDeflate: 'push', id, stream, level, final }, chunk);
        }),
    };
  };
}

/**
 * Answers `createPortDeflater`'s batches on `port` with `createDeflater`'s deflaters (one per
 * stream, made at its first batch and forgotten after its last), each stream's batches in the
 * order sent. Run in the deflating worker, with the platform's `CompressionStream`.
 */
export function serveDeflate(port: DeflatePort, createDeflater: CreateRawDeflater): void {
  const streams = new Map<number, { deflater: RawDeflater; previous: Promise<void> }>();
  port.addEventListener('message', (event) => {
    const request = event.data;
    if (!isRequest(request)) return;
    let open = streams.get(request.stream);
    if (!open) {
      open = { deflater: createDeflater(request.level), previous: Promise.resolve() };
      streams.set(request.stream, open);
    }
    if (request.final) streams.delete(request.stream);
    const { deflater } = open;
    open.previous = open.previous.then(async () => {
      try {
        const chunk = new Uint8Array(request.buffer, request.offset, request.length);
        const bytes = await deflater.push(chunk, request.final);
        // Copied back, not transferred: the deflater's bytes may share a buffer it still writes
        // into (Node's zlib does), and compressed bytes are few.
        port.postMessage(
          {
            jianshenDeflate: 'done',
            id: request.id,
            bytes: ownBytes(bytes),
          } satisfies DeflateReply,
          [],
        );
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        port.postMessage({ jianshenDeflate: 'failed', id: request.id, reason } satisfies DeflateReply, []);
      }
    });
  });
  port.start?.();
}
