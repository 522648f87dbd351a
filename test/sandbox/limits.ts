// Size limits. The document: "base64编码urlencode后大小不超过5M"; the sandbox reads 5M as 5 MiB and applies
// it to the `file` value as sent (escapes included), to an mfile's bytes and to a downloaded urlPath image.
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_REQUEST_ID_CHARS = 255;
export const DEFAULT_DOWNLOAD_TIMEOUT_MS = 10_000;
