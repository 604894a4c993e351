// What the analysis-quality bench uses: the model loader and the engine as the CLI runs them, and the scoring.
import { analyze } from '../core/engine/analyze';
import { loadRulePacks } from '../core/host/analysis/rule-packs';
import { loadModelBytes } from '../core/model/load';

export { analyze, loadRulePacks, loadModelBytes };
export { median, primaryTechnique, scoreScenario, totals } from './scenarios-score';
