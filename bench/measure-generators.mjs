// Child process: notice (.docx), template (.xlsx) and upward report (.docx with charts) generation
// for the built-in campaign, median of several runs after one warm-up. Prints one JSON line.
import { fileURLToPath } from 'node:url';
import { loadCampaign } from '@jianshen/plugin-kit/node';

const runs = Number(process.argv[2] ?? 7);
const campaign = await loadCampaign();

async function median(render, count = runs) {
  await render();
  const times = [];
  let bytes = 0;
  for (let index = 0; index < count; index++) {
    const started = performance.now();
    const output = await render();
    times.push(performance.now() - started);
    bytes = output?.byteLength ?? output?.length ?? 0;
  }
  times.sort((a, b) => a - b);
  return { medianMs: times[Math.floor(times.length / 2)], bytes };
}

async function measure(specifier, exportName) {
  try {
    const module = await import(specifier);
    const render = module[exportName];
    if (typeof render !== 'function') return { error: `${specifier} has no export ${exportName}` };
    return await median(() => render(campaign, { lang: 'zh' }));
  } catch (error) {
    return { error: String(error?.message ?? error).split('\n')[0] };
  }
}

/** The upward report of the Linfen example, charts drawn (ECharts SVG → resvg PNG) each time. */
async function measureReport() {
  try {
    const { aggregateFiles } = await import('@jianshen/aggregator/node');
    const { renderReportWithCharts } = await import('@jianshen/report/node');
    const submissions = fileURLToPath(new URL('../examples/linfen-2024/submissions/', import.meta.url));
    const aggregated = await aggregateFiles([submissions], campaign, { submittedOn: '2024-05-27' });
    const report = JSON.parse(JSON.stringify(aggregated));
    return await median(() => renderReportWithCharts({ campaign, report }), 3);
  } catch (error) {
    return { error: String(error?.message ?? error).split('\n')[0] };
  }
}

const notice = await measure('@jianshen/notice', 'renderNotice');
const template = await measure('@jianshen/template', 'renderTemplateXlsx');
const report = await measureReport();
process.stdout.write(
  `${JSON.stringify({ notice, template, report, maxRssKb: process.resourceUsage().maxRSS })}\n`,
);
