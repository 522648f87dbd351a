import { request } from 'undici';
import { imageKind } from './image-kind';
import { CREDS, fieldValues, get, postForm, useSandbox } from './helpers';
import { SAMPLE_IMAGES } from '../fixtures/sample-list';

// The sandbox's own download timeout (as long as the service's): a big or slow-to-make image on a
// loaded machine must not turn into a timeout. Only the hang case below has a short one.
const sandbox = useSandbox();
const ocr = (urlPath: string, pid = '2', on = sandbox) => postForm(on().endpoint, { ...CREDS, pid, urlPath });

describe('urlPath: the sandbox downloads the image itself', () => {
	it('reads a committed sample and records the downloaded size', async () => {
		const a = await ocr(`${sandbox().url}/images/id-card.png`);
		expect(a.json).toMatchObject({ ErrorCode: 0 });
		expect(fieldValues((a.json as any).ResultList[0]).IDNum).toBe('330106199004221234');
		const sample = await get(`${sandbox().url}/images/id-card.png`);
		expect(sandbox().calls[0]).toMatchObject({ imageSource: 'urlPath', imageBytes: sample.bytes.length, billed: true });
	});

	it('reads a generated image, markers included', async () => {
		const url = `${sandbox().url}/images/generated?format=jpeg&marker=${encodeURIComponent('ETOP-SANDBOX:DOC=41')}`;
		expect((await ocr(url, '2')).json).toMatchObject({ ErrorCode: '3' });
		const licence = (await ocr(url, '41')).json as any;
		expect(licence.ErrorCode).toBe(0);
		expect(fieldValues(licence.ResultList[0]).Name).toBe('杭州某某科技有限公司');
	});

	it('follows redirects', async () => {
		expect((await ocr(`${sandbox().url}/images/redirect?to=/images/id-card.png`)).json).toMatchObject({ ErrorCode: 0 });
	});

	it.each([
		['a 404', '/images/status/404'],
		['a 500', '/images/status/500'],
		['a connection refused', 'http://127.0.0.1:1/x.png'],
		['a URL that does not parse', 'not a url'],
		['another scheme', 'ftp://127.0.0.1/x.png'],
		['a host off this machine (never contacted)', 'http://images.example.invalid/x.png'],
	])('answers -8 for %s, not billed', async (_, path) => {
		const a = await ocr(path.startsWith('/') ? sandbox().url + path : path);
		expect(a.json).toMatchObject({ ErrorCode: '-8' });
		expect(sandbox().calls[0].billed).toBe(false);
	});

	it.each(['pdf', 'text', 'zip'])('answers 16 when the download is not an image (%s labelled image/jpeg)', async (kind) => {
		expect((await ocr(`${sandbox().url}/images/not-image/${kind}`)).json).toMatchObject({ ErrorCode: '16' });
	});

	it('answers 16 when the download is over 5 MiB', async () => {
		const a = await ocr(`${sandbox().url}/images/generated?format=png&bytes=${5 * 1024 * 1024 + 1}`);
		expect(a.json).toMatchObject({ ErrorCode: '16' });
	});
});

describe('urlPath: a download that never answers', () => {
	// An image host that never answers: only the download timeout ends the call.
	const impatient = useSandbox({ downloadTimeoutMs: 400 });

	it('answers -8 when the download times out', async () => {
		const a = await ocr(`${impatient().url}/images/hang`, '2', impatient);
		expect(a.json).toMatchObject({ ErrorCode: '-8' });
		expect(String(a.json!.ErrorMessage)).toContain('超时');
		expect(a.ms).toBeGreaterThanOrEqual(350);
	});
});

describe('image host', () => {
	it.each(SAMPLE_IMAGES.map((s) => [s.file]))('serves %s with its type', async (file) => {
		const a = await get(`${sandbox().url}/images/${file}`);
		expect(a.status).toBe(200);
		expect(a.headers['content-type']).toBe(file.endsWith('.jpg') ? 'image/jpeg' : 'image/png');
		expect(imageKind(a.bytes)).toBe(file.endsWith('.jpg') ? 'jpeg' : 'png');
	});

	it.each(['png', 'jpeg', 'bmp', 'gif', 'webp', 'tiff'])('generates %s, padded to the asked size', async (format) => {
		const a = await get(`${sandbox().url}/images/generated?format=${format}&bytes=5000&marker=ETOP-SANDBOX:DOC=2`);
		expect(imageKind(a.bytes)).toBe(format);
		expect(Math.abs(a.bytes.length - 5000)).toBeLessThan(64);
		expect(a.bytes.includes('ETOP-SANDBOX:DOC=2', 0, 'latin1')).toBe(true);
	});

	it('404s unknown images, path tricks and formats; 405s other methods', async () => {
		for (const path of ['/images/nope.png', '/images/..%2Fserver.ts', '/images/generated?format=svg', '/images/status/404']) {
			expect((await get(sandbox().url + path)).status).toBe(404);
		}
		const post = await request(`${sandbox().url}/images/id-card.png`, { method: 'POST', body: 'x' });
		expect(post.statusCode).toBe(405);
		await post.body.dump();
	});
});

describe('routes', () => {
	it('404s other paths with an HTML page, 405s GET on the API path; neither is recorded', async () => {
		const missing = await postForm(`${sandbox().url}/ocr/NoSuchServlet`, { ...CREDS, pid: '2' });
		expect(missing.status).toBe(404);
		expect(missing.headers['content-type']).toContain('text/html');
		expect(missing.text).toContain('/ocr/NoSuchServlet');
		const getApi = await get(sandbox().endpoint);
		expect(getApi.status).toBe(405);
		expect(getApi.headers.allow).toBe('POST');
		expect(getApi.headers['x-etop-sandbox']).toBe('1');
		expect(sandbox().calls).toHaveLength(0);
	});
});
