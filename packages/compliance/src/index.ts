export { frameworks, findControl, type Control, type Framework } from './catalogs';
