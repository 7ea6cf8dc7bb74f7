import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { releaseNativeMemory } from './release-native-memory.js';

const megabytes = 1024 * 1024;

/** 8 MB of WebAssembly memory, written (as hb-subset's is) and dropped. */
function dropWrittenMemory(): void {
  const memory = new WebAssembly.Memory({ initial: 128 });
  new Uint8Array(memory.buffer).fill(1);
}

describe('releaseNativeMemory', () => {
  // First in the file: vitest gives each file a fresh worker, so nothing has exposed gc yet.
  it('does nothing, and sets no V8 flag, until the program exposes gc', () => {
    releaseNativeMemory();
    expect(runInNewContext('typeof gc')).toBe('undefined');
  });

  it('gives back the memory of dropped WebAssembly instances once gc is exposed', async () => {
    setFlagsFromString('--expose-gc');
    releaseNativeMemory({ aboveResident: 0 });
    const before = process.memoryUsage().external;
    dropWrittenMemory();
    const held = process.memoryUsage().external;
    expect(held).toBeGreaterThan(before + 6 * megabytes);
    // V8 frees the collected buffers on a background thread, right after the collection; a
    // collection that only ends a marking already under way keeps them for the next.
    await vi.waitFor(
      () => {
        releaseNativeMemory({ aboveResident: 0 });
        expect(process.memoryUsage().external).toBeLessThan(held - 6 * megabytes);
      },
      { timeout: 10_000, interval: 100 },
    );
  });

  it('leaves collecting to V8 in a process smaller than its threshold', async () => {
    setFlagsFromString('--expose-gc');
    releaseNativeMemory({ aboveResident: 0 });
    dropWrittenMemory();
    const held = process.memoryUsage().external;
    // Collected, the memory would be given back within these 300 ms (the test above).
    for (let round = 0; round < 3; round++) {
      releaseNativeMemory({ aboveResident: Number.MAX_SAFE_INTEGER });
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(process.memoryUsage().external).toBeGreaterThan(held - 6 * megabytes);
    }
  });
});
