export { composeText, fromAnnotation, markerId, readText, toAnnotation, type AnnotationCreate } from './annotation';
export { isTransient, parseRetryAfter, sharingError } from './errors';
export { HypothesisClient, MEDIA_TYPE, type Fetch, type HypothesisOptions } from './hypothesis-client';
export { afterFailure, DEFAULT_BACK_OFF, enqueue, nextDue, nextWake, retryNow, type BackOff, type OutboxEntry, type OutboxOp, type OutboxRef } from './outbox';
export { sendEntry, type SendDeps, type SendOutcome } from './send';
export { checkServerUrl, DEFAULT_SERVER_URL, permissionPattern, type ServerUrlCheck } from './server-url';
export { annotationUri } from './types';
export type * from './types';
export { createSharingService, memorySharingState, type ShareLink, type SharingService, type SharingServiceDeps, type SharingStateStore } from './service';
