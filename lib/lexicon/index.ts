export { BUILTIN_ENTITIES, builtinEntity } from './entities';
export type { Bilingual, CaseRule, Context, EntityEntry, SurfaceForm } from './types';
