import { KEEP_IMAGE_BYTES, KeptImages } from '../../nodes/EtopOcr/input/keptImages';

describe('KeptImages: how much of a run is kept between reads', () => {
	it('keeps small images up to the run total, and again once given back', () => {
		const kept = new KeptImages(3 * KEEP_IMAGE_BYTES);
		expect(kept.take(KEEP_IMAGE_BYTES)).toBe(true);
		expect(kept.take(KEEP_IMAGE_BYTES)).toBe(true);
		expect(kept.take(KEEP_IMAGE_BYTES)).toBe(true);
		expect(kept.take(1)).toBe(false);
		kept.give(KEEP_IMAGE_BYTES);
		expect(kept.take(KEEP_IMAGE_BYTES)).toBe(true);
	});

	it('never keeps an image over the size limit', () => {
		expect(new KeptImages().take(KEEP_IMAGE_BYTES + 1)).toBe(false);
	});

	it('keeps what has no bytes (an Image URL)', () => {
		const kept = new KeptImages(0);
		expect(kept.take(0)).toBe(true);
	});
});
