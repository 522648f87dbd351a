import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Leak {
	file: string;
	secret: string;
	offset: number;
}

/** Every regular file under `dir` (recursively). */
export function listFiles(dir: string): string[] {
	const out: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) out.push(...listFiles(path));
		else if (entry.isFile()) out.push(path);
	}
	return out;
}

/**
 * Byte-level search for each secret (as UTF-8 and UTF-16LE) in every file under the given folders:
 * the SQLite database with its WAL, binary data, n8n's event log, and the captured output of
 * every n8n command. Returns every hit.
 */
export function scanForSecrets(dirs: string[], secrets: string[], { skip = [] as string[] } = {}): { leaks: Leak[]; scannedFiles: number; scannedBytes: number } {
	const needles = secrets.flatMap((secret) => [
		{ secret, bytes: Buffer.from(secret, 'utf8') },
		{ secret, bytes: Buffer.from(secret, 'utf16le') },
	]);
	const leaks: Leak[] = [];
	let scannedFiles = 0;
	let scannedBytes = 0;
	for (const dir of dirs) {
		for (const file of listFiles(dir)) {
			if (skip.some((s) => file.startsWith(s))) continue;
			if (statSync(file).size > 512 * 1024 * 1024) continue;
			const content = readFileSync(file);
			scannedFiles++;
			scannedBytes += content.length;
			for (const needle of needles) {
				const offset = content.indexOf(needle.bytes);
				if (offset !== -1) leaks.push({ file, secret: needle.secret, offset });
			}
		}
	}
	return { leaks, scannedFiles, scannedBytes };
}
