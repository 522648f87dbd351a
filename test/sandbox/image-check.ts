import { Json } from './render-common';
import { QUALITY_DIMENSIONS, QualityDimension } from './markers';

// imageCheck (ID cards only): five 0/1 digits switch on the dimensions in this order. The answer member
// `ImageCheck` lists the switched-on ones as {type, name, score, pass}; scores are 0..100, higher is better,
// PASS_SCORE is the standard. The marker QUALITY=blur,... makes those dimensions score low.

export const PASS_SCORE = 60;

const DIMENSIONS: ReadonlyArray<{ type: QualityDimension; name: string; good: number; bad: number }> = [
	{ type: 'copy', name: '图像类型(原件/复印件/屏拍件)', good: 96, bad: 21 },
	{ type: 'incomplete', name: '图像完整性', good: 98, bad: 35 },
	{ type: 'glare', name: '光斑检测', good: 95, bad: 28 },
	{ type: 'blur', name: '模糊判断', good: 93, bad: 31 },
	{ type: 'ps', name: 'PS检测', good: 99, bad: 12 },
];

if (DIMENSIONS.map((d) => d.type).join() !== QUALITY_DIMENSIONS.join()) throw new Error('image-check dimensions out of order');

export interface CheckResult {
	type: QualityDimension;
	name: string;
	score: number;
	pass: boolean;
}

export function imageCheck(flags: string, low: ReadonlySet<QualityDimension>): CheckResult[] {
	return DIMENSIONS.filter((_, i) => flags[i] === '1').map((d) => {
		const score = low.has(d.type) ? d.bad : d.good;
		return { type: d.type, name: d.name, score, pass: score >= PASS_SCORE };
	});
}

export function checkJson(results: CheckResult[]): Json {
	return results.map((r) => ({ type: r.type, name: r.name, score: r.score, pass: r.pass }));
}
