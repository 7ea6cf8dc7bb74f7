import { setTimeout as sleep } from 'node:timers/promises';
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { inlineSmallFunctionsOnly, useBaselineWebAssembly } from './v8-flags.js';

setFlagsFromString('--allow-natives-syntax');
/** One of V8's natives (`%Name(f)`), callable once --allow-natives-syntax is set. */
const native = (name: string) => new Function('f', `return %${name}(f)`) as (f: unknown) => unknown;

describe('useBaselineWebAssembly', () => {
  /** (func (export "next") (param i32) (result i32) local.get 0 i32.const 1 i32.add) */
  const addOne = new Uint8Array([
    0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 1, 127, 1, 127, 3, 2, 1, 0, 7, 8, 1, 4, 110, 101, 120, 116, 0,
    0, 10, 9, 1, 7, 0, 32, 0, 65, 1, 106, 11,
  ]);

  it('keeps a hot WebAssembly function on the baseline compiler', async () => {
    useBaselineWebAssembly();
    const { instance } = await WebAssembly.instantiate(addOne);
    const next = instance.exports.next as (value: number) => number;
    let value = 0;
    // Hot enough for V8 to compile it again with TurboFan, on a background thread, by default.
    for (let round = 0; round < 2; round++) {
      for (let call = 0; call < 3_000_000; call++) value = next(value);
      await sleep(200);
    }
    expect(value).toBe(6_000_000);
    expect(native('IsLiftoffFunction')(next)).toBe(true);
  });
});

describe('inlineSmallFunctionsOnly', () => {
  // V8's GetOptimizationStatus bit for code made by TurboFan (V8 11, Node 20).
  const turbofanned = 64;
  const status = native('GetOptimizationStatus') as (f: unknown) => number;

  /**
   * A caller optimised by TurboFan, then handed an object of a shape its callee never saw: when
   * the callee (~200 bytes of bytecode) was inlined, the caller's code checked that shape itself
   * and is thrown away; when it was not, the callee's own code meets the new shape. Made from
   * source each time: functions of their own, with no feedback from an earlier call.
   */
  function callerKeptAfterNewShape(): boolean {
    const caller = new Function(`
      function callee(item) {
        let total = item.a;
        for (let index = 0; index < 3; index++) {
          total += item.a * index + (item.a > 2 ? index : -index) + (total % 7) + (total >> 1) + (total & 3);
          total += item.a * index - (item.a < 5 ? index : -index) + (total % 5) + (total >> 2) + (total | 1);
          total += item.a * index + (item.a > 9 ? index : -index) + (total % 3) + (total >> 3) + (total ^ 2);
        }
        return total;
      }
      %PrepareFunctionForOptimization(callee);
      return (item) => callee(item) + 1;
    `)() as (item: object) => number;
    native('PrepareFunctionForOptimization')(caller);
    caller({ a: 1 });
    caller({ a: 2 });
    native('OptimizeFunctionOnNextCall')(caller);
    caller({ a: 3 });
    expect(status(caller) & turbofanned).toBe(turbofanned);
    caller({ b: 1, a: 4 });
    return (status(caller) & turbofanned) !== 0;
  }

  it('keeps larger functions out of their callers’ optimised code', () => {
    // First in this block: V8's default inlines the callee.
    expect(callerKeptAfterNewShape()).toBe(false);
    inlineSmallFunctionsOnly();
    expect(callerKeptAfterNewShape()).toBe(true);
  });
});
