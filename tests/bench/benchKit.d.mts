// Types for the part of benchKit.mjs the TypeScript tests use.

/** The scripts a learner's first page load runs (boot.js, main.js and their static imports), with their sizes in bytes. */
export function initialScripts(rendererDir?: string): Promise<{ files: string[]; raw: number; gzip: number }>;
