// What the model-file bench measures: loading (decode, guards, parse, validate, migrate) and the
// canonical serializer, on generated models with layout.
export { loadModelBytes } from '../core/model/load';
export { serializeModel } from '../core/model/canonical';
export { ModelSchema } from '../core/model/schema';
export { generateEditorModel } from './editor-model';
