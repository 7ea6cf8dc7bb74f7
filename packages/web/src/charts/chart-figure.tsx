import type { RenderedChart } from '@jianshen/charts';
import { formatTemplate, type Lang } from '@jianshen/schema';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { saveFile } from '../campaign/save-file.js';
import { chartsPartSays } from './charts-text.js';
import { svgToPng } from './svg-to-png.js';

export interface ChartFigureProps {
  lang: Lang;
  chart: RenderedChart;
}

/**
 * One chart: its title as a heading, the SVG as a picture whose text alternative lists every
 * number, the same numbers as a table, and downloads of the SVG and of a PNG (for Word and WPS). The picture and the download
 * share one blob: URL (the page's CSP allows img blob:), freed when the chart changes.
 */
export function ChartFigure({ lang, chart }: ChartFigureProps) {
  const url = useMemo(
    () => URL.createObjectURL(new Blob([chart.svg], { type: 'image/svg+xml' })),
    [chart.svg],
  );
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  const headingId = `chart-${chart.id}-title`;
  const values = chart.table.rows
    .map((row) => `${row.label} ${row.value}`)
    .join(chartsPartSays(lang, 'listSeparator'));
  const [labelHeader, valueHeader] = chart.table.headers;
  const [pngFailed, setPngFailed] = useState(false);
  const downloadPng = () =>
    svgToPng(url, chart)
      .then((png) => saveFile(png, chart.fileName.replace(/\.svg$/, '.png'), 'image/png'))
      .catch(() => setPngFailed(true));
  return (
    <section class="chart-figure" aria-labelledby={headingId} data-chart={chart.id}>
      <h3 id={headingId}>{chart.title}</h3>
      <img
        src={url}
        width={chart.width}
        height={chart.height}
        alt={formatTemplate(chartsPartSays(lang, 'imageAlt'), { title: chart.title, values })}
      />
      <div class="chart-actions">
        <a href={url} download={chart.fileName}>
          {chartsPartSays(lang, 'downloadSvg')}
        </a>
        <button type="button" onClick={downloadPng}>
          {chartsPartSays(lang, 'downloadPng')}
        </button>
        {pngFailed && <span role="alert">{chartsPartSays(lang, 'pngFailed')}</span>}
      </div>
      <details class="chart-data">
        <summary>{chartsPartSays(lang, 'dataTable')}</summary>
        <table>
          <caption>{chart.title}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeader}</th>
              <th scope="col">{valueHeader}</th>
            </tr>
          </thead>
          <tbody>
            {chart.table.rows.map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{row.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
