import { renderMessage } from '@jianshen/schema';
import { describe, expect, it } from 'vitest';
import { aggregate } from '../aggregate.js';
import { fixture, linfenCampaign } from '../fixtures.test-support.js';
import { linfenSubmissions } from '../linfen-submissions.test-support.js';
import { previewRow } from './row-preview.js';

describe('previewRow', () => {
  it('shows the row an issue names, under its two-row header, with the field’s cell marked', async () => {
    const campaign = await linfenCampaign();
    const inputs = linfenSubmissions();
    const report = await aggregate(inputs, campaign);
    const issue = report.issues.find((found) => found.code === 'date-impossible');
    expect(issue).toMatchObject({ path: '侯马市.xlsx', sheet: 'Sheet1', row: 6, field: 'date' });
    const data = inputs.find((input) => input.path === issue?.path)?.data ?? new Uint8Array();
    const preview = previewRow(
      { data, path: '侯马市.xlsx', sheet: 'Sheet1', row: 6, field: 'date', context: 1 },
      campaign,
    );
    if (!preview.ok) throw new Error(renderMessage(preview, 'en'));
    expect(preview.header.map((row) => row.row)).toEqual([3, 4]);
    expect(preview.header[0]?.cells.slice(0, 3)).toEqual(['序 号', '举办单位', '活动名称']);
    expect(preview.rows.map((row) => row.row)).toEqual([5, 6, 7]);
    const shown = preview.rows.find((row) => row.row === 6);
    // The marked cell holds the value the issue quotes, as the clerk typed it.
    expect(preview.marked).toEqual([5]);
    expect(shown?.cells[preview.marked[0] ?? -1]).toBe(issue?.value);
    // Cells the file never wrote are empty texts, not holes.
    expect(shown?.cells.every((cell) => typeof cell === 'string')).toBe(true);
    expect(preview.columnCount).toBe(9);
    expect(preview.columnLetters).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I']);
  });

  it('marks the right column for every row issue of the example returns (csv, docx, xlsx)', async () => {
    const campaign = await linfenCampaign();
    const inputs = linfenSubmissions();
    const report = await aggregate(inputs, campaign);
    const rowIssues = report.issues.filter((found) => found.row !== undefined && found.value && found.field);
    expect(rowIssues.length).toBeGreaterThan(2);
    for (const issue of rowIssues) {
      const data = inputs.find((input) => input.path === issue.path)?.data ?? new Uint8Array();
      const preview = previewRow(
        {
          data,
          path: issue.path,
          row: issue.row ?? 0,
          field: issue.field ?? '',
          ...(issue.sheet ? { sheet: issue.sheet } : {}),
        },
        campaign,
      );
      if (!preview.ok) throw new Error(renderMessage(preview, 'en'));
      expect(preview.sheet).toBe(issue.sheet);
      const cells = preview.rows.find((row) => row.row === issue.row)?.cells ?? [];
      const marked = preview.marked.map((column) => cells[column]).join('');
      expect(marked.replace(/\s/g, ''), `${issue.path} ${issue.code}`).toContain(
        (issue.value ?? '').replace(/\s/g, ''),
      );
    }
  });

  it('says why a file cannot be shown with the code its file issue carries', async () => {
    const input = fixture('legacy.xls');
    const preview = previewRow({ data: input.data, path: input.path, row: 1 }, await linfenCampaign());
    expect(preview).toMatchObject({ ok: false, code: 'file-legacy-xls' });
  });
});
