/**
 * Word and WPS paste PNG everywhere, SVG only in recent Word: the page turns a chart into PNG
 * the way a browser can without any library, by drawing the SVG onto a canvas. The browser has
 * the system's Chinese fonts, so the labels come out as in the picture on screen.
 */
export async function svgToPng(
  svgUrl: string,
  size: { width: number; height: number },
  scale = 2,
): Promise<Uint8Array> {
  const image = new Image();
  image.src = svgUrl;
  await image.decode();
  const canvas = document.createElement('canvas');
  // Twice the pixels: sharp when printed at the width of an A4 page (about 150 dpi).
  canvas.width = Math.round(size.width * scale);
  canvas.height = Math.round(size.height * scale);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('canvas 2d');
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((made) => (made ? resolve(made) : reject(new Error('canvas.toBlob'))), 'image/png'),
  );
  return new Uint8Array(await blob.arrayBuffer());
}
