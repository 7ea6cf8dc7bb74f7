import type { RenderedChart } from '@jianshen/charts';
import { formatTemplate, type Lang } from '@jianshen/schema';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { saveFile } from '../campaign/save-file.js';
import { ChartDataTable } from './chart-data-table.js';
import { chartsPartSays } from './charts-text.js';
import { svgToPng } from './svg-to-png.js';

export interface ChartFigureProps {
  lang: Lang;
  chart: RenderedChart;
}

/**
 * One chart: its title as a heading, the SVG as a picture, beside it the same numbers as a
 * table (the picture's text alternative), and downloads of the SVG and of a PNG (for Word and
 * WPS). The picture and the SVG download share one blob: URL (the page's CSP allows img blob:),
 * freed when the chart changes.
 */
export function ChartFigure({ lang, chart }: ChartFigureProps) {
  const url = useMemo(
    () => URL.createObjectURL(new Blob([chart.svg], { type: 'image/svg+xml' })),
    [chart.svg],
  );
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  const [pngFailed, setPngFailed] = useState(false);
  const downloadPng = () =>
    svgToPng(url, chart)
      .then((png) => saveFile(png, chart.fileName.replace(/\.svg$/, '.png'), 'image/png'))
      .catch(() => setPngFailed(true));
  const headingId = `chart-${chart.id}-title`;
  return (
    <section class="chart-figure" aria-labelledby={headingId} data-chart={chart.id}>
      <h3 id={headingId}>{chart.title}</h3>
      <div class="chart-body">
        <img
          src={url}
          width={chart.width}
          height={chart.height}
          alt={formatTemplate(chartsPartSays(lang, 'imageAlt'), { title: chart.title })}
        />
        <div class="chart-side">
          <div class="chart-actions">
            <a href={url} download={chart.fileName} aria-describedby={headingId}>
              {chartsPartSays(lang, 'downloadSvg')}
            </a>
            <button type="button" onClick={downloadPng} aria-describedby={headingId}>
              {chartsPartSays(lang, 'downloadPng')}
            </button>
            {pngFailed && <span role="alert">{chartsPartSays(lang, 'pngFailed')}</span>}
          </div>
          <ChartDataTable lang={lang} chart={chart} />
        </div>
      </div>
    </section>
  );
}
