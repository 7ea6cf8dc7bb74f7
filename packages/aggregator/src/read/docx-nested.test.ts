import { readFileSync } from 'node:fs';
import { packZip, unpackZip } from '@jianshen/ooxml';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../aggregate.js';
import { fixturesDirectory, linfenCampaign } from '../fixtures.test-support.js';

const nestedTable =
  '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/></w:tblGrid>' +
  ['拔河', '跳绳', '踢毽子']
    .map((text) => `<w:tr><w:tc><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc></w:tr>`)
    .join('') +
  '</w:tbl><w:p/>';

describe('a table nested in a Word table cell', () => {
  it('is folded into the cell as Word shows it, and reported at its row and column', async () => {
    const entries = unpackZip(new Uint8Array(readFileSync(`${fixturesDirectory}word-table.docx`)));
    const document = new TextDecoder().decode(entries['word/document.xml']);
    // Into the 活动简介 cell (the 4th) of the first data row, after its paragraph.
    const rows = [...document.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)];
    const first = rows[1]?.[0] ?? '';
    const cells = [...first.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)];
    const summaryCell = cells[3]?.[0] ?? '';
    expect(summaryCell).toContain('趣味项目');
    const changed = first.replace(summaryCell, summaryCell.replace('</w:tc>', `${nestedTable}</w:tc>`));
    entries['word/document.xml'] = new TextEncoder().encode(document.replace(first, changed));
    const report = await aggregate(
      [{ path: 'nested.docx', data: packZip(entries) }],
      await linfenCampaign(),
      { lang: 'zh' },
    );
    expect(report.rows).toHaveLength(2);
    expect(report.rows[0]?.summary).toContain('拔河');
    const nested = report.issues.filter((issue) => issue.code === 'nested-table');
    expect(nested).toHaveLength(1);
    expect(nested[0]).toMatchObject({ severity: 'warning', row: 2 });
    expect(nested[0]?.message).toContain('第 4 列');
    expect(nested[0]?.message).toContain('3 行的表格');
  });
});
