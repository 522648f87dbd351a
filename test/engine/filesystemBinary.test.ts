import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { BinaryDataService } from 'n8n-core';

import { makePng } from '../fixtures/images';
import { useFilesystemBinaryMode } from '../harness/engine';
import { errorOf, imageItem, run, useSandbox } from './context';

const { sandbox, credentials } = useSandbox();
const storage = mkdtempSync(join(tmpdir(), 'etop-binary-'));

beforeAll(async () => {
	await useFilesystemBinaryMode(storage);
});

afterAll(() => {
	delete process.env.N8N_DEFAULT_BINARY_DATA_MODE;
	delete process.env.N8N_BINARY_DATA_STORAGE_PATH;
	rmSync(storage, { recursive: true, force: true });
});

const filesIn = (dir: string): string[] =>
	readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
		entry.isDirectory() ? filesIn(join(dir, entry.name)) : [join(dir, entry.name)],
	);

describe('filesystem binary mode (binary data stored on disk, the item holds only an id)', () => {
	it.each(['file', 'mfile'])('reads the image through the helpers and sends it (%s)', async (uploadMethod) => {
		const image = makePng({ bytes: 200_000 });
		const { outputs, error } = await run(credentials(), { documentType: '2', options: { uploadMethod } }, [
			{ json: {}, binary: { data: { data: image, fileName: 'id.png' } } },
		]);
		expect(error).toBeUndefined();
		expect(outputs[0][0].error).toBeUndefined();
		expect(sandbox().calls[0].imageBytes).toBe(image.length);
		expect(filesIn(storage).length).toBeGreaterThan(0);
	});

	it('stores cropped images as filesystem binary data too', async () => {
		const { outputs } = await run(credentials(), { documentType: '2', options: { returnCroppedImages: true } }, [imageItem()]);
		const binaries = Object.values(outputs[0][0].binary ?? {});
		expect(binaries.length).toBeGreaterThan(0);
		for (const binary of binaries) {
			expect(binary.id).toMatch(/^filesystem/);
			expect(binary.data).not.toMatch(/^iVBOR/);
		}
	});
});

// Every read of a stored image costs n8n's binary helpers a round on the file system. The read that
// finds an item's images serves the check, and a checked image is kept for its send (up to a total per run).
describe('how often a stored image is read', () => {
	const storedReads = async (image: Buffer, items: number, onError?: 'continueRegularOutput'): Promise<number> => {
		const spy = jest.spyOn(BinaryDataService.prototype, 'getAsBuffer');
		try {
			const input = Array.from({ length: items }, () => ({ json: {}, binary: { data: { data: image, fileName: 'scan.png' } } }));
			const { outputs, error } = await run(credentials(), { documentType: '2' }, input, onError);
			expect(error).toBeUndefined();
			expect(outputs[0].map((item) => item.json.error)).toEqual(Array(items).fill(undefined));
			expect(sandbox().calls.map((call) => call.imageBytes)).toEqual(Array(items).fill(image.length));
			return spy.mock.calls.filter(([binary]) => binary.id).length;
		} finally {
			spy.mockRestore();
		}
	};

	it.each([
		['stops on errors', undefined],
		['continues on fail', 'continueRegularOutput' as const],
	])('reads a small image once per item (%s)', async (_mode, onError) => {
		expect(await storedReads(makePng(), 3, onError)).toBe(3);
	});

	it.each([
		['stops on errors', undefined],
		['continues on fail', 'continueRegularOutput' as const],
	])('reads a big image once per item too (%s)', async (_mode, onError) => {
		expect(await storedReads(makePng({ bytes: 3_500_000 }), 2, onError)).toBe(2);
	});
});

// Queue mode with binary data in filesystem mode and no shared storage: a worker gets items whose
// binary id points at a file on another machine's disk. The Input node plays that by removing the
// stored file after storing it; the item keeps the id (issue 11).
describe('a binary stored on another machine\'s disk (filesystem mode without shared storage)', () => {
	it.each(['file', 'mfile'])('fails the item with the n8n settings to change, sends nothing, keeps the others (%s)', async (uploadMethod) => {
		const image = makePng();
		const { outputs } = await run(
			credentials(),
			{ documentType: '2', uploadMethod },
			[
				{ json: {}, binary: { data: { data: image, fileName: 'here.png' } } },
				{ json: {}, binary: { data: { data: image, fileName: 'elsewhere.png', fileLost: true } } },
			],
			'continueRegularOutput',
		);
		const [here, elsewhere] = outputs[0];
		expect(errorOf(here)).toBeUndefined();
		expect(elsewhere.pairedItem).toEqual({ item: 1 });
		const error = errorOf(elsewhere);
		expect(error?.message).toBe(
			'The file of the binary field "data" is not in this n8n process\'s binary data storage (filesystem mode, file not found) [item 1]',
		);
		expect(error?.hint).toContain('N8N_DEFAULT_BINARY_DATA_MODE=database');
		expect(error?.hint).toContain('N8N_BINARY_DATA_STORAGE_PATH');
		expect(error?.attempts).toBe(0);
		expect(sandbox().calls).toHaveLength(1);
	});
});
