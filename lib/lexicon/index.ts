export { BUILTIN_ENTITIES, builtinEntity } from './entities';
export type { Bilingual, CaseRule, Context, CueWords, EntityEntry, NearCue, Sense, SenseRule, SurfaceForm } from './types';
