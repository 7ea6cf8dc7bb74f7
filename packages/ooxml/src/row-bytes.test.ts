import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { concatBytes } from './bytes.js';
import { cellMaxCharacters } from './cell-text.js';
import { createRowBytesWriter, type PutText, putUtf8 } from './row-bytes.js';
import { type CellRow, createRowWriter, styles, type TruncatedCell } from './xlsx-writer.js';

const layout = { name: '汇总', widths: [6, 12, 14, 20], heights: [30] };

// Every kind of cell the string writer knows: texts needing care (escapes, bidi controls, lone
// and paired surrogates, characters XML cannot carry), whitespace to preserve, wrapped and cut
// texts, numbers finite or not, dates, styled and unstyled empty cells, a style not in styles.xml.
const rows: CellRow[] = [
  [{ value: '标题', style: styles.title }],
  [
    { value: 1, style: styles.center },
    { value: '临汾市尧都区体育局', style: styles.text },
    { value: ' 前后有空格 ', style: styles.text },
    { value: 'A & B <c> "d"', style: styles.text },
  ],
  [{ value: Number.NaN, style: styles.number }, undefined, { value: '', style: styles.text }, { value: '' }],
  [
    { value: new Date(Date.UTC(2024, 4, 1)), style: styles.date },
    { value: '\u202e反向\u202c文字 \u0007响铃', style: styles.text },
    { value: '孤\ud800立 成对😀 \udc00', style: styles.text },
    { value: '第一行\n第二行\t制表', style: styles.text },
  ],
  [
    { value: '长'.repeat(cellMaxCharacters + 5), style: styles.text },
    { value: '很长的活动简介'.repeat(20), style: styles.text },
    { value: 'é ß ü', style: 9 as never },
    { value: 0.5 },
  ],
];

/** A target of `size` bytes that hands its bytes on when full, as the workbook's rows are. */
function collectingTarget(size: number, make: (size: number) => Uint8Array) {
  const pieces: Uint8Array[] = [];
  const target = {
    bytes: make(size),
    length: 0,
    reserve(needed: number) {
      if (target.length + needed <= target.bytes.length) return;
      pieces.push(target.bytes.slice(0, target.length));
      target.bytes = make(Math.max(size, needed));
      target.length = 0;
    },
    written: () => concatBytes([...pieces, target.bytes.slice(0, target.length)]),
    handedOn: () => pieces.length,
  };
  return target;
}

function writeBoth(options: { putText?: PutText; size?: number; make?: (size: number) => Uint8Array } = {}) {
  const cutsAsText: TruncatedCell[] = [];
  const cutsAsBytes: TruncatedCell[] = [];
  const asText = createRowWriter(layout, { onTruncated: (cut) => cutsAsText.push(cut) });
  const asBytes = createRowBytesWriter(layout, {
    onTruncated: (cut) => cutsAsBytes.push(cut),
    ...(options.putText ? { putText: options.putText } : {}),
  });
  const target = collectingTarget(options.size ?? 1 << 20, options.make ?? ((size) => new Uint8Array(size)));
  for (const [index, row] of rows.entries()) asBytes(row, index, target);
  const text = rows.map((row, index) => asText(row, index)).join('');
  return { text, bytes: target.written(), handedOn: target.handedOn(), cutsAsText, cutsAsBytes };
}

describe('rows written as bytes', () => {
  it('are the string writer’s rows encoded as UTF-8, byte for byte, with the same cuts', () => {
    const { text, bytes, cutsAsText, cutsAsBytes } = writeBoth();
    expect(Buffer.from(bytes).equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect(cutsAsText).toHaveLength(1);
    expect(cutsAsBytes).toEqual(cutsAsText);
  });

  it('are the same with Node’s encoder for the texts, and in small pieces', () => {
    // Node's encoder needs a Buffer: the target's arrays are made as Buffers here.
    const nodeText: PutText = (bytes, at, text) => at + (bytes as Buffer).write(text, at);
    const { text, bytes, handedOn, cutsAsText, cutsAsBytes } = writeBoth({
      putText: nodeText,
      size: 256,
      make: (size) => Buffer.alloc(size),
    });
    expect(handedOn).toBeGreaterThan(2);
    expect(Buffer.from(bytes).equals(Buffer.from(text, 'utf8'))).toBe(true);
    expect(cutsAsText).toHaveLength(1);
    expect(cutsAsBytes).toEqual(cutsAsText);
  });

  it('encode every code unit as TextEncoder does, lone surrogates included', () => {
    const samples = [
      '',
      'ascii',
      'ÿĀ߿ࠀ',
      '\ud7ff\ue000\uffff',
      '😀𠀀',
      '\ud800',
      '\udc00x',
      'a\ud83d',
      '\ud83d\ud83d\ude00',
    ];
    for (const sample of samples) {
      const bytes = new Uint8Array(sample.length * 3);
      const end = putUtf8(bytes, 0, sample);
      expect(Array.from(bytes.subarray(0, end))).toEqual(Array.from(new TextEncoder().encode(sample)));
    }
  });
});
