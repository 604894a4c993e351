// Report options in the export dialog: which sections the PDF holds, the classification marking for
// its headers and footers, a cover logo (PNG or JPEG, checked by its bytes before it is sent) and
// cover fields that replace the model's own for this report.
import { useState } from 'react';
import { REPORT_SECTIONS, type ReportSection } from '../../../core/report/types';
import { checkLogo } from '../../../core/report/logo';

export const SECTION_LABELS: Record<ReportSection, string> = {
  summary: 'Executive summary',
  scope: 'Scope and method',
  diagram: 'Architecture diagram',
  flows: 'Data flows',
  inventory: 'Components',
  register: 'Threat register',
  plan: 'Mitigation plan',
  evidence: 'Controls in place',
  coverage: 'ATLAS coverage',
  accepted: 'Accepted risks',
  redteam: 'Red-team test plan',
  appendix: 'Appendix',
};

export interface ReportOptionsValue {
  sections: ReportSection[];
  classification: string;
  title: string;
  owner: string;
  authors: string;
  reviewers: string;
  logo?: { name: string; base64: string };
}

export function initialOptions(meta: { classification?: string | undefined; owner?: string | undefined; authors: string[]; reviewers: string[]; title: string }): ReportOptionsValue {
  return { sections: [...REPORT_SECTIONS], classification: meta.classification ?? '', title: meta.title, owner: meta.owner ?? '', authors: meta.authors.join(', '), reviewers: meta.reviewers.join(', ') };
}

const split = (s: string) => s.split(/[;,]/).map((x) => x.trim()).filter(Boolean);

/** The options as the report:export call takes them. */
export function toApiOptions(v: ReportOptionsValue) {
  return {
    sections: v.sections,
    classification: v.classification.trim(),
    ...(v.title.trim() ? { title: v.title.trim() } : {}),
    ...(v.owner.trim() ? { owner: v.owner.trim() } : {}),
    authors: split(v.authors),
    reviewers: split(v.reviewers),
    ...(v.logo ? { logo: v.logo } : {}),
  };
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function ReportOptionsFields({ value, onChange, disabled }: { value: ReportOptionsValue; onChange: (v: ReportOptionsValue) => void; disabled: boolean }) {
  const [logoError, setLogoError] = useState<string | null>(null);
  const set = (patch: Partial<ReportOptionsValue>) => onChange({ ...value, ...patch });

  async function pickLogo(file: File | undefined) {
    setLogoError(null);
    if (!file) {
      const { logo: _drop, ...rest } = value;
      onChange(rest);
      return;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const checked = checkLogo(bytes, `"${file.name}"`);
    if (!checked.ok) {
      setLogoError(checked.error);
      const { logo: _drop, ...rest } = value;
      onChange(rest);
      return;
    }
    onChange({ ...value, logo: { name: file.name, base64: toBase64(bytes) } });
  }

  return (
    <fieldset className="export-options" disabled={disabled} data-testid="export-options">
      <legend>Report options</legend>
      <div className="export-sections" role="group" aria-label="Sections">
        {REPORT_SECTIONS.map((s) => (
          <label key={s} className="checkbox">
            <input
              type="checkbox"
              name="export-section"
              value={s}
              checked={value.sections.includes(s)}
              onChange={(e) => set({ sections: REPORT_SECTIONS.filter((x) => (x === s ? e.target.checked : value.sections.includes(x))) })}
            />{' '}
            {SECTION_LABELS[s]}
          </label>
        ))}
      </div>
      <label>
        Classification marking (header and footer)
        <input name="export-classification" value={value.classification} maxLength={64} placeholder="e.g. CONFIDENTIAL" onChange={(e) => set({ classification: e.target.value })} />
      </label>
      <label>
        Cover title
        <input name="export-title" value={value.title} maxLength={200} onChange={(e) => set({ title: e.target.value })} />
      </label>
      <label>
        Owner
        <input name="export-owner" value={value.owner} maxLength={200} onChange={(e) => set({ owner: e.target.value })} />
      </label>
      <label>
        Authors (comma separated)
        <input name="export-authors" value={value.authors} onChange={(e) => set({ authors: e.target.value })} />
      </label>
      <label>
        Reviewers (comma separated)
        <input name="export-reviewers" value={value.reviewers} onChange={(e) => set({ reviewers: e.target.value })} />
      </label>
      <label>
        Cover logo (PNG or JPEG, at most 1 MB)
        <input type="file" name="export-logo" accept="image/png,image/jpeg" data-testid="export-logo" onChange={(e) => void pickLogo(e.target.files?.[0])} />
      </label>
      {logoError && (
        <p className="error" role="alert" data-testid="export-logo-error">
          {logoError}
        </p>
      )}
      <p className="muted">Sections and the logo apply to the PDF; the marking and cover fields to the PDF, HTML and Markdown reports.</p>
    </fieldset>
  );
}
