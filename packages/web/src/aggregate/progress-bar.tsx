import type { AggregateProgress } from '@jianshen/aggregator';
import type { Lang } from '@jianshen/schema';
import { aggregateSays } from './aggregate-text.js';

/** The check's progress, file by file (the worker reports each file as it starts reading it). */
export function ProgressBar({ lang, progress }: { lang: Lang; progress: AggregateProgress | undefined }) {
  const total = Math.max(progress?.total ?? 0, 1);
  const done = progress?.done ?? 0;
  const text = !progress
    ? aggregateSays(lang, 'starting')
    : progress.path === undefined
      ? aggregateSays(lang, 'finishing', { total: progress.total })
      : aggregateSays(lang, 'running', { done: done + 1, total: progress.total, path: progress.path });
  return (
    <div class="progress">
      <div
        class="progress-track"
        role="progressbar"
        aria-label={aggregateSays(lang, 'progressLabel')}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        aria-valuetext={text}
      >
        <div class="progress-fill" style={{ width: `${Math.round((done / total) * 100)}%` }} />
      </div>
      <p aria-live="polite">{text}</p>
    </div>
  );
}
