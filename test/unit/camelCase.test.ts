import { camelCase } from '../../nodes/EtopOcr/output/camelCase';

describe('camelCase: the English name of a key no dictionary knows', () => {
	it.each([
		['FirstIssueDate', 'firstIssueDate'],
		['IDNum', 'idNum'],
		['VIN', 'vin'],
		['VINCode', 'vinCode'],
		['PlateNo', 'plateNo'],
		['engineNo', 'engineNo'],
		['head_position', 'headPosition'],
		['Line2Name', 'line2Name'],
		['valid-from date', 'validFromDate'],
	])('%s → %s', (key, name) => {
		expect(camelCase(key)).toBe(name);
		// Stable: the name of a name is itself.
		expect(camelCase(name)).toBe(name);
	});

	it('leaves Chinese labels and other names to stay as returned', () => {
		for (const label of ['总质量', 'VIN码', '', '(empty)', '_x', '1st']) expect(camelCase(label)).toBeUndefined();
	});
});
