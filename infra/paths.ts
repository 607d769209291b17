import { fileURLToPath } from 'node:url';

/** The project root (the folder holding package.json), wherever the process was started. */
export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
