// What the report benchmark (bench/report.bench.mjs) measures, re-exported for loadBundle.
export { loadModelText } from '../core/model/load';
export { buildReport } from '../core/report/build';
export { loadReportCatalog } from '../core/host/report/catalog';
export { writeReportPdf } from '../core/host/pdf/write-pdf';
export { analyzeForReport } from '../core/host/report/analysis';
export { makeReportFixture } from '../test/integration/report-fixture';
