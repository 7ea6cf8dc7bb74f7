// Child process: the floor this toolkit builds on. A bare exceljs streaming read of every file,
// one after another, touching every cell value and nothing else. Prints one JSON line.
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';

const manifest = JSON.parse(await readFile(process.argv[2], 'utf8'));
const started = performance.now();
const cpuBefore = process.cpuUsage();
let cells = 0;
let rows = 0;
let touched = 0;
for (const path of manifest.files) {
  // styles: 'cache' as a correct reader needs it (otherwise date cells arrive as bare numbers).
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  for await (const worksheet of reader) {
    for await (const row of worksheet) {
      rows += 1;
      row.eachCell({ includeEmpty: false }, (cell) => {
        cells += 1;
        const value = cell.value;
        if (value !== null && value !== undefined) touched += 1;
      });
    }
  }
}
const wallMs = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
const cpuMs = (cpu.user + cpu.system) / 1000;
process.stdout.write(
  `${JSON.stringify({ wallMs, cpuMs, rows, cells, touched, maxRssKb: process.resourceUsage().maxRSS })}\n`,
);
