/** The scans the demo recognises (test/fixtures/samples) and the Document Type it picks for each. */
export const DEMO_SAMPLES: ReadonlyArray<{ file: string; documentType: string; label: string; options?: Record<string, boolean> }> = [
	{ file: 'id-card.png', documentType: '2', label: 'ID Card' },
	{ file: 'driving-licence.png', documentType: '7', label: 'Driving Licence' },
	{ file: 'vehicle-licence.png', documentType: '5', label: 'Vehicle Licence' },
	{ file: 'licence-plate.jpg', documentType: '6', label: 'Licence Plate' },
	{ file: 'vat-invoice.jpg', documentType: '21', label: 'VAT Invoice' },
	{ file: 'train-ticket.png', documentType: '22', label: 'Train Ticket / receipts' },
	{ file: 'business-licence.png', documentType: '41', label: 'Business Licence' },
	{ file: 'mixed-page.png', documentType: '666', label: 'Auto-classification, one item per document', options: { oneItemPerDocument: true } },
];
