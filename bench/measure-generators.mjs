// Child process: notice (.docx) and template (.xlsx) generation for the built-in campaign,
// median of several runs after one warm-up. Prints one JSON line.
import { loadCampaign } from '@jianshen/plugin-kit/node';

const runs = Number(process.argv[2] ?? 7);
const campaign = await loadCampaign();

async function median(render) {
  await render();
  const times = [];
  let bytes = 0;
  for (let index = 0; index < runs; index++) {
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

const notice = await measure('@jianshen/notice', 'renderNotice');
const template = await measure('@jianshen/template', 'renderTemplateXlsx');
process.stdout.write(`${JSON.stringify({ notice, template, maxRssKb: process.resourceUsage().maxRSS })}\n`);
