// HTML pages for everything that is not an API answer: what a servlet container or a proxy in front of
// the service would send.

const escape = (s: string): string => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

function tomcatPage(status: number, title: string, message: string): string {
	return (
		`<!doctype html><html lang="en"><head><title>HTTP Status ${status} – ${escape(title)}</title></head>` +
		`<body><h1>HTTP Status ${status} – ${escape(title)}</h1><hr class="line" />` +
		`<p><b>Message</b> ${escape(message)}</p><hr class="line" /><h3>ETOP sandbox</h3></body></html>`
	);
}

export const notFoundPage = (path: string): string => tomcatPage(404, 'Not Found', `The requested resource [${path}] is not available`);
export const methodNotAllowedPage = (method: string): string =>
	tomcatPage(405, 'Method Not Allowed', `HTTP method ${method} is not supported by this URL`);
export const tooLargePage = (): string => tomcatPage(413, 'Payload Too Large', 'The request body exceeds the size limit');
export const badRequestPage = (reason: string): string => tomcatPage(400, 'Bad Request', reason);

const REASONS: Readonly<Record<number, string>> = {
	500: 'Internal Server Error',
	502: 'Bad Gateway',
	503: 'Service Temporarily Unavailable',
	504: 'Gateway Time-out',
};

/** What nginx sends when the upstream fails. */
export function nginxErrorPage(status: number): string {
	const title = `${status} ${REASONS[status] ?? 'Error'}`;
	return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/** A 200 page instead of JSON, e.g. a captive portal or a maintenance notice. */
export const maintenancePage = (): string =>
	'<!DOCTYPE html><html><head><meta charset="utf-8"><title>系统维护</title></head>' +
	'<body><h1>系统维护中</h1><p>译图智讯OCR服务正在维护，请稍后再试。</p></body></html>';
