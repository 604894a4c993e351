// The architecture diagram as a PNG: the host's standalone SVG (fonts included as data: URLs) drawn
// into a canvas at twice its size, so it stays sharp on slides and in tickets.
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    // Browsers cap canvas sizes; very large diagrams are drawn smaller rather than not at all.
    const fit = Math.min(scale, 16_000 / image.naturalWidth, 16_000 / image.naturalHeight);
    canvas.width = Math.max(1, Math.round(image.naturalWidth * fit));
    canvas.height = Math.max(1, Math.round(image.naturalHeight * fit));
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw the diagram (no 2D canvas)');
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the PNG could not be made'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
