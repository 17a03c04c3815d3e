export { frameworks, findControl, findFramework, type Control, type Framework } from './catalogs';
export {
  frameworkPosture,
  type CheckCounts,
  type CheckPosture,
  type ControlCheckMapping,
  type ControlPosture,
  type FrameworkPosture,
  type PostureControl,
} from './posture';
export { builtInMappings, mappingProblems, type MappedCheck } from './mappings';
export {
  formatPath,
  parseCustomFramework,
  validateCustomFramework,
  type FrameworkParseOptions,
  type FrameworkParseResult,
  type FrameworkProblem,
} from './custom-framework';
