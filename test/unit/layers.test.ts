import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// The node's folders, lowest first: a file may import only from its own folder or a lower one
// (docs/internals.md, "Layers").
const LAYERS = ['data', 'shared', 'params', 'input', 'output', 'transport', 'descriptions', '.'];

const ROOT = resolve(__dirname, '../../nodes/EtopOcr');

function sources(folder: string): string[] {
	return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
		const path = join(folder, entry.name);
		if (entry.isDirectory()) return sources(path);
		return entry.name.endsWith('.ts') ? [path] : [];
	});
}

const layerOf = (file: string) => {
	const top = relative(ROOT, file).split(/[\\/]/);
	return LAYERS.indexOf(top.length === 1 ? '.' : top[0]);
};

describe('layers of nodes/EtopOcr', () => {
	const files = sources(ROOT);

	it('puts every file in a known layer', () => {
		expect(files.filter((file) => layerOf(file) < 0).map((file) => relative(ROOT, file))).toEqual([]);
	});

	it('has no import from a higher layer', () => {
		const upward: string[] = [];
		for (const file of files) {
			for (const [, target] of readFileSync(file, 'utf8').matchAll(/from '(\.[^']+)'/g)) {
				const imported = resolve(dirname(file), target);
				if (layerOf(imported) > layerOf(file)) upward.push(`${relative(ROOT, file)} -> ${relative(ROOT, imported)}`);
			}
		}
		expect(upward).toEqual([]);
	});
});
