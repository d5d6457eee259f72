declare global {
  // jsQR ships as UMD only; imported as a script it sets `self.jsQR`.
  var jsQR: (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
}

/**
 * Reads a QR code the way a phone camera would: draws the element's SVG path on a canvas and decodes the
 * pixels with jsQR, an independent decoder.
 */
export async function decodeQrSvg(svg: SVGSVGElement): Promise<string | undefined> {
  // @ts-expect-error -- a UMD script without types; it is run for its global.
  await import('jsqr/dist/jsQR.js');
  const modules = Number(svg.dataset.modules);
  const path = svg.querySelector('path')?.getAttribute('d');
  if (!modules || !path) throw new Error('not a QR code SVG of this kit');
  const quietZone = 4;
  const scale = 6;
  const size = (modules + quietZone * 2) * scale;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size, size);
  context.setTransform(scale, 0, 0, scale, quietZone * scale, quietZone * scale);
  context.fillStyle = '#000';
  context.fill(new Path2D(path));
  const pixels = context.getImageData(0, 0, size, size);
  return globalThis.jsQR(pixels.data, size, size)?.data;
}
