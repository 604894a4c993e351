// A model whose components are labelled in many scripts (Latin with Polish, Vietnamese and Turkish
// letters, Greek, Cyrillic, Hebrew, Arabic, Chinese, Japanese, Korean, emoji, symbols), built from a
// shipped example so it follows the current model format; shared by the PDF, HTML and canvas tests.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SCRIPT_LABELS = [
  'Zbiór łódź — Zażółć gęślą',
  'Μοντέλο δεδομένων',
  'Хранилище векторов',
  'מודל שפה גדול',
  'نموذج اللغة الكبير',
  '向量数据库',
  'データパイプライン',
  '검색 서비스',
  '🔒 Secrets vault 🤖',
  '✓ Gate → ★ ⚠',
  'Dịch vụ İstanbul',
] as const;

export const SCRIPT_TITLE = 'Scripts: 模型 · نموذج · מודל · 모델 · Модель';

/** The fine-tuning example (11 components) relabelled in SCRIPT_LABELS, as JSON text. */
export function scriptLabelModel(root: string): string {
  const model = JSON.parse(readFileSync(path.join(root, 'examples', 'fine-tuning-pipeline.mercator.json'), 'utf8')) as { meta: { title: string }; components: Array<{ label: string }> };
  SCRIPT_LABELS.forEach((label, i) => {
    if (model.components[i]) model.components[i].label = label;
  });
  model.meta.title = SCRIPT_TITLE;
  return JSON.stringify(model, null, 2);
}
