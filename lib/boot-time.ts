/**
 * performance.now() when the background script began to evaluate (imported first, so it runs before every other
 * module). The time before it is the browser's: starting the worker and loading the script.
 */
export const SCRIPT_START_MS: number = performance.now();
