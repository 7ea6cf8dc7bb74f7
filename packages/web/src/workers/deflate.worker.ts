import { createCompressionStreamDeflater, serveDeflate } from '@jianshen/aggregator';

/**
 * The deflating worker: the aggregate worker's workbooks are deflated here, on another core,
 * while it makes the next rows (see `createPortDeflater`). The browser's CompressionStream
 * deflates on the thread that writes to it: 680 ms of the medium batch's 2.0 s workbook when
 * that was the aggregate worker. The page hands this worker one end of a MessageChannel and the
 * aggregate worker the other.
 */
const createDeflater = createCompressionStreamDeflater();

self.addEventListener(
  'message',
  (event: MessageEvent<MessagePort>) => {
    if (createDeflater) serveDeflate(event.data, createDeflater);
  },
  { once: true },
);
