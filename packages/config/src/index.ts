export { EnvError, ZServiceEnv, loadEnv, parseMasterKey } from './env';
