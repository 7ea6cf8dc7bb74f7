import { escapeBidiControls } from '@jianshen/ooxml';
import { describe, expect, it } from 'vitest';
import { hasBidiControl } from './bidi-control-bytes.js';

const encoder = new TextEncoder();

describe('hasBidiControl', () => {
  it('finds exactly the characters escapeBidiControls escapes, alone and inside text', () => {
    // Every character sharing a lead byte with a control, and the controls themselves.
    const candidates = [];
    for (let code = 0x0600; code <= 0x063f; code++) candidates.push(code);
    for (let code = 0x2000; code <= 0x207f; code++) candidates.push(code);
    for (const code of candidates) {
      const character = String.fromCharCode(code);
      const escaped = escapeBidiControls(character) !== character;
      expect(hasBidiControl(encoder.encode(character))).toBe(escaped);
      expect(hasBidiControl(encoder.encode(`“健步走”${character}尧都区`))).toBe(escaped);
    }
  });

  it('finds none in Chinese text with quotes and dashes, nor in an empty or cut sequence', () => {
    expect(hasBidiControl(encoder.encode('“全民健身”——线上运动会…尧都区'))).toBe(false);
    expect(hasBidiControl(new Uint8Array())).toBe(false);
    expect(hasBidiControl(new Uint8Array([0xe2, 0x80]))).toBe(false);
    expect(hasBidiControl(new Uint8Array([0xd8]))).toBe(false);
  });
});
