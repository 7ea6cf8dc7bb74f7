import { createHash } from 'node:crypto';
import { build, type Plugin, type UserConfig } from 'vite';

/**
 * `import X from './x.worker.ts?worker&inline'`, built so that the worker's code is NOT part of
 * the page's main script. Vite inlines a worker as a string inside the main script, which puts
 * docx, exceljs and echarts (about 1 MiB gzip) into the script the page must load before it
 * paints. Here each worker becomes its own classic (iife) bundle, written into index.html as a
 * `<script type="text/plain">` that the browser neither parses nor runs; the constructor reads
 * that element's text into a blob: URL when the page first starts the worker. The page's main
 * script stays the shell alone, and a worker's code is compiled only when it starts.
 *
 * Classic, not module, workers: Chromium refuses module workers from blob: on a file:// page.
 * In `vite` (dev server) the plugin stands aside and Vite's own worker handling serves them.
 */
export interface WorkerScriptsOptions {
  resolve: UserConfig['resolve'];
  /** A module every worker imports before its own entry (settings that must come first). */
  prelude?: string;
}

export function workerScripts(options: WorkerScriptsOptions): Plugin {
  const scripts = new Map<string, string>();
  let building = false;
  return {
    name: 'jianshen:worker-scripts',
    enforce: 'pre',
    configResolved(config) {
      building = config.command === 'build' && !config.build.ssr;
    },
    async load(id) {
      if (!building || !/[?&]worker&inline$/.test(id)) return null;
      const entry = id.replace(/\?.*$/, '');
      const elementId = `jianshen-worker-${createHash('sha256').update(entry).digest('hex').slice(0, 12)}`;
      scripts.set(elementId, await bundleWorker(entry, options));
      return workerConstructorModule(elementId);
    },
    transformIndexHtml: {
      order: 'post',
      handler() {
        return [...scripts].map(([elementId, code]) => ({
          tag: 'script',
          attrs: { type: 'text/plain', id: elementId },
          // `</script` inside the code would end the element early; `<\/script` means the same in JS.
          children: code.replaceAll('</script', '<\\/script'),
          injectTo: 'body' as const,
        }));
      },
    },
  };
}

/** One self-contained iife bundle for a worker entry (no code splitting inside a worker). */
async function bundleWorker(entry: string, options: WorkerScriptsOptions): Promise<string> {
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    ...(options.resolve ? { resolve: options.resolve } : {}),
    plugins: [preludeEntry(entry, options.prelude)],
    // Libraries test NODE_ENV; a worker is a production browser bundle like the page.
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      target: 'es2022',
      minify: true,
      emptyOutDir: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      lib: {
        entry: options.prelude ? preludeEntryId : entry,
        formats: ['iife'],
        name: 'jianshenWorker',
        fileName: () => 'worker.js',
      },
      rollupOptions: { output: { codeSplitting: false } as never },
    },
  });
  const outputs = Array.isArray(output) ? output : [output];
  const chunk = outputs
    .flatMap((result) => ('output' in result ? result.output : []))
    .find((item) => item.type === 'chunk');
  if (chunk?.type !== 'chunk') throw new Error(`worker bundle for ${entry} produced no code`);
  return chunk.code;
}

// Vite's library mode makes the entry an absolute path: matched by its ending.
const preludeEntryId = 'jianshen-worker-entry.js';

/** A virtual entry that imports the prelude, then the worker: ES module order runs them so. */
function preludeEntry(entry: string, prelude: string | undefined): Plugin {
  return {
    name: 'jianshen:worker-prelude',
    // Before Vite's resolver, which would apply the package's `sideEffects` list.
    enforce: 'pre',
    resolveId(id, importer) {
      if (id.endsWith(preludeEntryId)) return `\0${preludeEntryId}`;
      // Both are imported for what they do, not what they export: never tree-shaken away,
      // whatever the package's `sideEffects` says.
      if (importer === `\0${preludeEntryId}`) return { id, moduleSideEffects: true };
      return null;
    },
    load: (id) =>
      id === `\0${preludeEntryId}` && prelude
        ? `import ${JSON.stringify(prelude)};\nimport ${JSON.stringify(entry)};\n`
        : null,
  };
}

/** The module an importer of `x.worker.ts?worker&inline` gets: a Worker constructor, as Vite's. */
function workerConstructorModule(elementId: string): string {
  return `let url;
export default function WorkerWrapper(options) {
  if (!url) {
    const source = document.getElementById(${JSON.stringify(elementId)}).textContent;
    url = URL.createObjectURL(new Blob([source], { type: 'text/javascript;charset=utf-8' }));
  }
  return new Worker(url, { name: options && options.name });
}
`;
}
