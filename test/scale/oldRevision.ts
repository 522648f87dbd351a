// "The old per-run limiter" for the comparisons in `npm run test:scale` and `npm run bench`: the
// repository as it was just before the account-wide limiter (issue 11) came in, checked out into
// a scratch folder. No switch in the product picks the old behaviour; the old code is measured.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

import { REPO } from '../e2e/lib/paths';

const git = (args: string[]) => execFileSync('git', args, { cwd: REPO, encoding: 'utf8' }).trim();

/** The commit before the one that added transport/accounts.ts (SCALE_OLD_REV overrides it). */
export function revisionBeforeAccountLimiter(): string {
	const preset = process.env.SCALE_OLD_REV;
	if (preset) return git(['rev-parse', preset]);
	const added = git(['log', '--diff-filter=A', '--format=%H', '--', 'nodes/EtopOcr/transport/accounts.ts']).split('\n').filter(Boolean).at(-1);
	if (!added) throw new Error('no commit adds nodes/EtopOcr/transport/accounts.ts; set SCALE_OLD_REV to the revision to compare with');
	return git(['rev-parse', `${added}^`]);
}

/**
 * The files of `revision` in `dir` (git archive, no work tree of the repository is touched), with
 * this checkout's node_modules linked in so that it builds and runs.
 */
export function checkoutRevision(revision: string, dir: string): string {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	execFileSync('bash', ['-c', `git -C "${REPO}" archive "${revision}" | tar -x -C "${dir}"`]);
	if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'), 'dir');
	return dir;
}
