/**
 * The first page of a PDF drawn small, in the aggregate worker: pdf.js (through `unpdf`, the
 * same copy the aggregator reads a PDF's 单位名称 line with) on an OffscreenCanvas. A worker has
 * no `document`, so pdf.js gets canvases from OffscreenCanvas, draws glyphs as paths (no
 * FontFace), and skips the SVG filters it would build in a document.
 */

interface CanvasAndContext {
  canvas: OffscreenCanvas | null;
  context: OffscreenCanvasRenderingContext2D | null;
}

/** pdf.js's canvas factory contract (create, reset, destroy) on OffscreenCanvas. */
class OffscreenCanvasFactory {
  create(width: number, height: number): CanvasAndContext {
    const canvas = new OffscreenCanvas(width, height);
    return { canvas, context: canvas.getContext('2d') };
  }
  reset(pair: CanvasAndContext, width: number, height: number): void {
    if (!pair.canvas) return;
    pair.canvas.width = width;
    pair.canvas.height = height;
  }
  destroy(pair: CanvasAndContext): void {
    if (pair.canvas) {
      pair.canvas.width = 0;
      pair.canvas.height = 0;
    }
    pair.canvas = null;
    pair.context = null;
  }
}

/** pdf.js's filter factory contract with no filters: transfer maps and HCM need a document. */
class NoFilterFactory {
  addFilter(): string {
    return 'none';
  }
  addHCMFilter(): string {
    return 'none';
  }
  addAlphaFilter(): string {
    return 'none';
  }
  addLuminosityFilter(): string {
    return 'none';
  }
  addHighlightHCMFilter(): string {
    return 'none';
  }
  destroy(): void {}
}

/** A PNG of page 1 about `width` pixels wide, or undefined when the PDF cannot be drawn. */
export async function renderPdfFirstPage(bytes: Uint8Array, width: number): Promise<Uint8Array | undefined> {
  try {
    const { getDocumentProxy } = await import('unpdf');
    const document = await getDocumentProxy(bytes, {
      CanvasFactory: OffscreenCanvasFactory,
      FilterFactory: NoFilterFactory,
      disableFontFace: true,
    });
    try {
      const page = await document.getPage(1);
      const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
      const canvas = new OffscreenCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const context = canvas.getContext('2d');
      if (!context) return undefined;
      context.fillStyle = '#fff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvas: null, canvasContext: context as never, viewport }).promise;
      const blob = await canvas.convertToBlob({ type: 'image/png' });
      return new Uint8Array(await blob.arrayBuffer());
    } finally {
      await document.loadingTask.destroy();
    }
  } catch {
    return undefined;
  }
}
