import { KEEP_RUN_BYTES, KeptImages } from '../../nodes/EtopOcr/input/keptImages';

const MB = 1024 * 1024;

describe('KeptImages: how much of a run is kept between reads', () => {
	it('keeps images up to the run total, and again once given back', () => {
		const kept = new KeptImages(15 * MB);
		expect(kept.take(5 * MB)).toBe(true);
		expect(kept.take(5 * MB)).toBe(true);
		expect(kept.take(5 * MB)).toBe(true);
		expect(kept.take(1)).toBe(false);
		kept.give(5 * MB);
		expect(kept.take(5 * MB)).toBe(true);
	});

	it('keeps the biggest image ETOP takes within the default total, and not more than the total', () => {
		const kept = new KeptImages();
		expect(kept.take(5 * MB)).toBe(true);
		expect(kept.take(KEEP_RUN_BYTES - 5 * MB + 1)).toBe(false);
	});

	it('keeps what has no bytes (an Image URL)', () => {
		const kept = new KeptImages(0);
		expect(kept.take(0)).toBe(true);
	});
});
