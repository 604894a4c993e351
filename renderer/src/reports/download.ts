// Saves an exported report in the browser's downloads (and Electron's save flow, which intercepts it).
export function downloadExport(file: { fileName: string; mimeType: string; encoding: 'text' | 'base64'; data: string }): void {
  let blob: Blob;
  if (file.encoding === 'base64') {
    const binary = atob(file.data);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    blob = new Blob([bytes], { type: file.mimeType });
  } else blob = new Blob([file.data], { type: `${file.mimeType};charset=utf-8` });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
