// Export… and Import… open the report and import dialogs (built in renderer/src/reports/).
import { useState } from 'react';
import { ExportDialog } from '../reports/ExportDialog';
import { ImportDialog } from '../reports/ImportDialog';

export function ExtraToolbarButtons({ disabled }: { disabled: boolean }) {
  const [exportOpen, setExportOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  return (
    <>
      <button onClick={() => setExportOpen(true)} disabled={disabled} data-testid="toolbar-export" title="Export a report (PDF, HTML, Markdown, CSV, JSON, SARIF, ATLAS Navigator)">
        Export…
      </button>
      <button onClick={() => setImportOpen(true)} data-testid="toolbar-import" title="Import a Threat Dragon model or a CycloneDX ML-BOM">
        Import…
      </button>
      {exportOpen && <ExportDialog onClose={() => setExportOpen(false)} />}
      {importOpen && <ImportDialog onClose={() => setImportOpen(false)} />}
    </>
  );
}
