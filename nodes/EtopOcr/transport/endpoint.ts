/** Whether the credential's Endpoint is usable: an absolute http or https URL with a host. */
export function isHttpEndpoint(value: unknown): value is string {
	return typeof value === 'string' && /^https?:\/\/[^/]/i.test(value);
}
