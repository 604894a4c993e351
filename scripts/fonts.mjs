// The fonts the app ships: Noto faces under the SIL Open Font License, taken from their npm packages
// and copied into dist/renderer/fonts, where the UI loads them (renderer/src/fonts.css) and the PDF
// and HTML reports embed subsets of them (core/host/fonts/font-set.ts names the same files).
import { copyFileSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const FONTS = [
  { file: 'NotoSans-Regular.ttf', from: '@embedpdf/fonts-latin/fonts/NotoSans-Regular.ttf', license: '@embedpdf/fonts-latin/LICENSE' },
  { file: 'NotoSans-Bold.ttf', from: '@embedpdf/fonts-latin/fonts/NotoSans-Bold.ttf' },
  { file: 'NotoSans-Italic.ttf', from: '@embedpdf/fonts-latin/fonts/NotoSans-Italic.ttf' },
  { file: 'NotoSansHebrew-Regular.ttf', from: '@embedpdf/fonts-hebrew/fonts/NotoSansHebrew-Regular.ttf', license: '@embedpdf/fonts-hebrew/LICENSE' },
  { file: 'NotoSansHebrew-Bold.ttf', from: '@embedpdf/fonts-hebrew/fonts/NotoSansHebrew-Bold.ttf' },
  { file: 'NotoNaskhArabic-Regular.ttf', from: '@embedpdf/fonts-arabic/fonts/NotoNaskhArabic-Regular.ttf', license: '@embedpdf/fonts-arabic/LICENSE' },
  { file: 'NotoNaskhArabic-Bold.ttf', from: '@embedpdf/fonts-arabic/fonts/NotoNaskhArabic-Bold.ttf' },
  { file: 'NotoSansSC-Regular.ttf', from: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf', license: '@expo-google-fonts/noto-sans-sc/LICENSE_FONT' },
  { file: 'NotoSansKR-Regular.ttf', from: '@expo-google-fonts/noto-sans-kr/400Regular/NotoSansKR_400Regular.ttf', license: '@expo-google-fonts/noto-sans-kr/LICENSE_FONT' },
  { file: 'NotoEmoji-Regular.ttf', from: '@expo-google-fonts/noto-emoji/400Regular/NotoEmoji_400Regular.ttf', license: '@expo-google-fonts/noto-emoji/LICENSE_FONT' },
  { file: 'NotoSansSymbols2-Regular.ttf', from: '@expo-google-fonts/noto-sans-symbols-2/400Regular/NotoSansSymbols2_400Regular.ttf', license: '@expo-google-fonts/noto-sans-symbols-2/LICENSE_FONT' },
  { file: 'NotoSansMath-Regular.ttf', from: '@expo-google-fonts/noto-sans-math/400Regular/NotoSansMath_400Regular.ttf', license: '@expo-google-fonts/noto-sans-math/LICENSE_FONT' },
];

/** Copies the fonts and their licence texts into `dest`. */
export function copyFonts(root, dest) {
  mkdirSync(dest, { recursive: true });
  const notes = ['These fonts are licensed under the SIL Open Font License, Version 1.1 (texts below).', ''];
  for (const f of FONTS) {
    const source = path.join(root, 'node_modules', f.from);
    try {
      copyFileSync(source, path.join(dest, f.file));
    } catch (error) {
      throw new Error(`font ${f.file}: cannot copy ${source} (${error.message}); run "npm install"`, { cause: error });
    }
    if (f.license) notes.push(`== ${f.file} and its other faces (npm package ${f.from.split('/').slice(0, 2).join('/')})`, readFileSync(path.join(root, 'node_modules', f.license), 'utf8'), '');
  }
  writeFileSync(path.join(dest, 'LICENSES.txt'), notes.join('\n'));
}
