/** A problem with the whole PDF or with one page: why, and what the user can do. */
export interface PdfProblem {
	reason: string;
	fix: string;
}

export class PdfError extends Error implements PdfProblem {
	constructor(
		readonly reason: string,
		readonly fix: string,
	) {
		super(reason);
	}
}

export const RENDER_FIX = 'Convert the page to a JPEG or PNG image first (e.g. print or export it as an image), then send the image.';
