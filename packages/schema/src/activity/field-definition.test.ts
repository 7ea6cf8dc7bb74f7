import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { columnRegistry } from './column-meta.js';
import { coreFields } from './core-fields.js';
import { resolveField } from './field-definition.js';

describe('column metadata', () => {
  it('gives the nine attachment columns in order with their printed labels', () => {
    expect(coreFields.map((field) => resolveField(field).column.label)).toEqual([
      '序号',
      '举办单位',
      '活动名称',
      '活动简介',
      '举办方式（线上、线下）',
      '举办时间',
      '联系人',
      '联系方式',
      '备注',
    ]);
  });

  it('reads widths, formats and dropdown options from the zod registry', () => {
    const phone = resolveField(coreFields.find((field) => field.key === 'phone')!);
    expect(phone.column).toMatchObject({ kind: 'phone', excelFormat: '@' });
    const mode = resolveField(coreFields.find((field) => field.key === 'mode')!);
    expect(mode.column.options).toEqual(['线上', '线下', '线上线下']);
    expect(columnRegistry.get(mode.schema)?.aliases).toContain('举办方式');
  });

  it('finds metadata through optional wrappers (序号 keeps its aliases and width)', () => {
    const seq = resolveField(coreFields.find((field) => field.key === 'seq')!);
    expect(seq.column).toMatchObject({ kind: 'sequence', width: 6, labelEn: 'No.' });
    expect(seq.aliases).toEqual(expect.arrayContaining(['序 号', '编号']));
  });

  it('derives column metadata for plugin fields from their schema', () => {
    const venue = resolveField({
      key: 'venue',
      label: '六进场所',
      schema: z.enum(['机关', '校园']),
      source: 'p',
    });
    expect(venue.column).toMatchObject({ kind: 'choice', options: ['机关', '校园'], label: '六进场所' });
    const count = resolveField({
      key: 'count',
      label: '参与人数',
      schema: z.number().int().min(0),
      source: 'p',
    });
    expect(count.column.kind).toBe('number');
    expect(count.required).toBe(false);
    expect(count.source).toBe('p');
  });
});
