export { normalizeUrl } from './normalize-url';
export { SITE_KEPT_PARAMS, SITE_TRACKING_PARAMS, TRACKING_PARAMS, TRACKING_PREFIXES } from './tracking-params';
