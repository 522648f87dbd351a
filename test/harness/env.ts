// n8n-core reads its user folder and encryption key when it is first loaded; give it a private
// temporary folder so tests and the demo never touch a real ~/.n8n.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'etop-ocr-n8n-'));
process.env.N8N_ENCRYPTION_KEY ??= 'etop-ocr-test-encryption-key';
process.env.N8N_LOG_LEVEL ??= 'silent';
