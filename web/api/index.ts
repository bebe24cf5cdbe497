// The only code of the web app that talks to the server.
export * from './hooks.js';
export { useDebounced } from './use-resource.js';
export { ApiError } from './errors.js';
export { useLiveEvents, type LiveEvents, type LiveStatus } from './live-events.js';
export { useCampaignProgress } from './campaign-progress.js';
export { exportFormats, layerExportable, layerExportPath, type ExportFilter, type ExportFormat } from './exports.js';
