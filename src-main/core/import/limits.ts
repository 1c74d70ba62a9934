/**
 * How large a CRM export may be and how it travels through the contract: one
 * source for the server that refuses and the console that says so before
 * sending anything.
 */

/** The largest file the console takes. */
export const MAX_UPLOAD_MB = 50;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;

/**
 * The most problems an import keeps in memory and lists in its report; the
 * rest are counted (and every one is in the rejects file, written as it
 * streams). A file of a million bad rows must not hold a million reasons in
 * memory, nor print them as one string.
 */
export const MAX_LISTED_PROBLEMS = 1000;

/** The largest file `import FILE` reads unless the setting `import.maxFileMB` or `--max-mb` says otherwise. */
export const DEFAULT_MAX_IMPORT_MB = 512;

/** The largest chunk a call carries (base64 of it stays well under the web host's 2 MB request limit). */
export const CHUNK_BYTES = 1024 * 1024;

/** The longest base64 text of one chunk. */
export const MAX_CHUNK_BASE64 = Math.ceil(CHUNK_BYTES / 3) * 4;
