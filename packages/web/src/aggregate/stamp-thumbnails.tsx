import type { FileReport } from '@jianshen/aggregator';
import type { Lang } from '@jianshen/schema';
import { useEffect, useState } from 'preact/hooks';
import { aggregateSays } from './aggregate-text.js';

/** What the unit table needs to draw stamped copies: the chosen Files and the worker's renderer. */
export interface StampSource {
  file(path: string): File | undefined;
  /** The format the aggregator detected (pdf, jpeg, png, tiff, heic). */
  format(path: string): FileReport['format'] | undefined;
  /** A PDF's first page as PNG bytes, drawn in the aggregate worker. */
  renderPdf(path: string): Promise<Uint8Array | undefined>;
}

// Chromium shows JPEG and PNG itself; TIFF and HEIC it cannot decode, so they get a label.
const shownByBrowser = new Set(['jpeg', 'png']);
const thumbnailWidth = 96;

/** An object URL for the stamped copy's picture (the file itself, or its PDF page), revoked when gone. */
function useThumbnailUrl(path: string, source: StampSource): string | undefined {
  const [url, setUrl] = useState<string | undefined>(undefined);
  useEffect(() => {
    let made: string | undefined;
    let cancelled = false;
    const show = (blob: Blob) => {
      if (cancelled) return;
      made = URL.createObjectURL(blob);
      setUrl(made);
    };
    const format = source.format(path);
    const file = source.file(path);
    if (file && format && shownByBrowser.has(format)) show(file);
    else if (format === 'pdf') {
      // Twice the width shown: sharp on a high-density screen.
      void source
        .renderPdf(path)
        .then((png) => png && show(new Blob([png as BlobPart], { type: 'image/png' })))
        .catch(() => undefined);
    }
    return () => {
      cancelled = true;
      if (made) URL.revokeObjectURL(made);
      setUrl(undefined);
    };
  }, [path, source]);
  return url;
}

function StampThumbnail({ lang, path, source }: { lang: Lang; path: string; source: StampSource }) {
  const url = useThumbnailUrl(path, source);
  const name = path.split('/').pop() ?? path;
  const format = (source.format(path) ?? '').toUpperCase();
  return (
    <figure class="stamp">
      {url ? (
        <img src={url} alt={aggregateSays(lang, 'stampAlt', { name })} width={thumbnailWidth} />
      ) : (
        <span class="stamp-badge" aria-hidden="true">
          {format}
        </span>
      )}
      <figcaption>{name}</figcaption>
    </figure>
  );
}

/** A unit's stamped copies (盖章件), each a thumbnail drawn on this computer, or 无. */
export function StampThumbnails({
  lang,
  paths,
  source,
}: {
  lang: Lang;
  paths: readonly string[];
  source: StampSource | undefined;
}) {
  if (paths.length === 0) return <span class="muted">{aggregateSays(lang, 'stampNone')}</span>;
  if (!source) return <span>{paths.join('、')}</span>;
  return (
    <div class="stamps">
      {paths.map((path) => (
        <StampThumbnail key={path} lang={lang} path={path} source={source} />
      ))}
    </div>
  );
}

/** Renders PDF pages at twice the shown width. */
export const stampRenderWidth = thumbnailWidth * 2;
