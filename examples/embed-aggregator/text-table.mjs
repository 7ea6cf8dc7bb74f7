// 在终端中对齐中文表格：汉字和全角符号占两列。Aligns tables with CJK text in a terminal (wide characters take two columns).

/** Display width of a text in a monospace terminal. */
export function displayWidth(text) {
  let width = 0;
  for (const character of String(text)) {
    const code = character.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      (code >= 0x20000 && code <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}

/** Lays out rows under a header; numbers are right-aligned, text left-aligned. */
export function textTable(header, rows) {
  const all = [header, ...rows].map((row) => row.map((cell) => (cell === undefined ? '' : String(cell))));
  const numeric = header.map((_, column) =>
    rows.every((row) => row[column] === undefined || typeof row[column] === 'number'),
  );
  const widths = header.map((_, column) => Math.max(...all.map((row) => displayWidth(row[column] ?? ''))));
  const line = (row) =>
    row
      .map((cell, column) => {
        const pad = ' '.repeat(widths[column] - displayWidth(cell));
        return numeric[column] ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '─'.repeat(width)).join('  ');
  return [line(all[0]), rule, ...all.slice(1).map(line)].join('\n');
}
