import { existsSync, readFileSync } from 'fs';
import { IncomingMessage, ServerResponse } from 'http';
import { join } from 'path';
import { makeBmp, makeGif, makeJpeg, makePng, makeTiff, makeWebp, NOT_AN_IMAGE } from '../fixtures/images';
import { ImageOptions } from '../fixtures/image-options';
import { notFoundPage } from './html-pages';
import { sendBody, sendHtml } from './respond';

// The sandbox doubles as an image host for urlPath tests:
//   GET /images/<sample>                              a committed sample from test/fixtures/samples
//   GET /images/generated?format=png&marker=..&bytes=N&width=W&height=H   (png|jpeg|bmp|gif|webp|tiff)
//   GET /images/not-image/<pdf|text|zip>              not an image, although labelled image/jpeg
//   GET /images/status/<code>                         that HTTP status (e.g. /images/status/404)
//   GET /images/redirect?to=/images/...               302 to another /images path
//   GET /images/hang                                  never answers (download timeouts)

export const SAMPLES_DIR = join(__dirname, '..', 'fixtures', 'samples');

const TYPES: Readonly<Record<string, string>> = {
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	bmp: 'image/bmp',
	gif: 'image/gif',
	webp: 'image/webp',
	tif: 'image/tiff',
	tiff: 'image/tiff',
};

const GENERATORS: Readonly<Record<string, (o: ImageOptions) => Buffer>> = {
	png: makePng,
	jpeg: makeJpeg,
	jpg: makeJpeg,
	bmp: makeBmp,
	gif: makeGif,
	webp: makeWebp,
	tiff: makeTiff,
};

function intParam(url: URL, name: string, max: number): number | undefined {
	const v = url.searchParams.get(name);
	if (v === null || !/^[0-9]+$/.test(v)) return undefined;
	return Math.min(Number(v), max);
}

export function handleImages(req: IncomingMessage, res: ServerResponse, url: URL): void {
	const rest = url.pathname.slice('/images/'.length);
	const notFound = (): void => sendHtml(res, 404, notFoundPage(url.pathname));

	if (rest === 'hang') return; // left open on purpose; close() ends it
	const status = /^status\/([0-9]{3})$/.exec(rest);
	if (status) {
		const code = Number(status[1]);
		return code >= 200 && code <= 599 ? sendHtml(res, code, `<html><body><h1>${code}</h1></body></html>`) : notFound();
	}
	if (rest === 'redirect') {
		const to = url.searchParams.get('to') ?? '';
		if (!to.startsWith('/images/')) return notFound();
		return sendHtml(res, 302, '', { Location: to });
	}
	const notImage = /^not-image\/(pdf|text|zip)$/.exec(rest);
	if (notImage) return sendBody(res, 200, 'image/jpeg', NOT_AN_IMAGE[notImage[1] as keyof typeof NOT_AN_IMAGE]);
	if (rest === 'generated') {
		const format = (url.searchParams.get('format') ?? 'png').toLowerCase();
		const generate = GENERATORS[format];
		if (!generate) return notFound();
		const opts: ImageOptions = {};
		const marker = url.searchParams.get('marker');
		if (marker) opts.marker = marker;
		const bytes = intParam(url, 'bytes', 8 * 1024 * 1024);
		const width = intParam(url, 'width', 2000);
		const height = intParam(url, 'height', 2000);
		if (bytes !== undefined) opts.bytes = bytes;
		if (width) opts.width = width;
		if (height) opts.height = height;
		return sendBody(res, 200, TYPES[format === 'jpeg' ? 'jpg' : format === 'tiff' ? 'tif' : format], generate(opts));
	}
	if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(rest)) return notFound();
	const file = join(SAMPLES_DIR, rest);
	if (!existsSync(file)) return notFound();
	const type = TYPES[rest.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream';
	sendBody(res, 200, type, readFileSync(file));
}
