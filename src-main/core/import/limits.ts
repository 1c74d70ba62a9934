/**
 * How large a CRM export may be and how it travels through the contract: one
 * source for the server that refuses and the console that says so before
 * sending anything.
 */

/** The largest file the console takes. */
export const MAX_UPLOAD_MB = 50;
export const MAX_UPLOAD_BYTES = MAX_UPLOAD_MB * 1024 * 1024;

/** The largest chunk a call carries (base64 of it stays well under the web host's 2 MB request limit). */
export const CHUNK_BYTES = 1024 * 1024;

/** The longest base64 text of one chunk. */
export const MAX_CHUNK_BASE64 = Math.ceil(CHUNK_BYTES / 3) * 4;
