/** Every page of a PDF is a billed call: a long PDF is refused unless the user raises this. */
export const DEFAULT_MAX_PDF_PAGES = 20;
export const MAX_PDF_PAGES_LIMIT = 500;

/** Digests kept by Skip Images Already Read: about 60 bytes each in the workflow's static data. */
export const DEFAULT_REMEMBER_IMAGES = 1000;
export const MAX_REMEMBER_IMAGES = 100_000;
