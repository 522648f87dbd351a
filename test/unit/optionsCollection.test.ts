import { optionsCollection } from '../../nodes/EtopOcr/descriptions/OptionsDescription';

describe('Options collection', () => {
	const names = optionsCollection.map((option) => option.name);
	const displayNames = optionsCollection.map((option) => option.displayName);

	it('has each option once, by name and by label, across the per-purpose arrays', () => {
		expect(new Set(names).size).toBe(names.length);
		expect(new Set(displayNames).size).toBe(displayNames.length);
	});

	it('lists the options alphabetically by label, as n8n shows them', () => {
		expect(displayNames).toEqual([...displayNames].sort((a, b) => a.localeCompare(b, 'en')));
		expect(displayNames[0]).toBe('Attempt Timeout (Seconds)');
	});
});
