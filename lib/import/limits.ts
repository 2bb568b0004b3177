// The import's bounds are the same table as saving's (lib/schema/limits).
export { LIMITS } from '../schema/limits';
