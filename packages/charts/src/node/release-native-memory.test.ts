import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it, vi } from 'vitest';
import { releaseNativeMemory } from './release-native-memory.js';

const megabytes = 1024 * 1024;

/** 64 MB of WebAssembly memory, written (as hb-subset's is) and dropped. */
function dropWrittenMemory(): void {
  const memory = new WebAssembly.Memory({ initial: 1024 });
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
    releaseNativeMemory();
    const before = process.memoryUsage().external;
    dropWrittenMemory();
    expect(process.memoryUsage().external).toBeGreaterThan(before + 60 * megabytes);
    releaseNativeMemory();
    // V8 frees the collected buffers on a background thread, right after the collection.
    await vi.waitFor(() => expect(process.memoryUsage().external).toBeLessThan(before + 4 * megabytes));
  });
});
