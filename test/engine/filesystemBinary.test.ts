import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { makePng } from '../fixtures/images';
import { useFilesystemBinaryMode } from '../harness/engine';
import { imageItem, run, useSandbox } from './context';

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
