/**
 * The five ID-card image-quality checks, in the digit order of the API's `imageCheck`
 * parameter ("00000" = all off). Only the 2nd-generation ID card (pid 2) evaluates them.
 */
export interface ImageCheck {
	option: string;
	displayName: string;
	description: string;
}

export const IMAGE_CHECKS: readonly ImageCheck[] = [
	{
		option: 'checkOriginal',
		displayName: 'Check Original vs Copy',
		description: 'Whether to score whether the photo shows the original card, not a photocopy or a screen (ID cards only; the score comes back in the result)',
	},
	{
		option: 'checkCompleteness',
		displayName: 'Check Completeness',
		description: 'Whether to score whether the whole card is in the picture (ID cards only)',
	},
	{
		option: 'checkGlare',
		displayName: 'Check Glare',
		description: 'Whether to score light spots and glare on the card (ID cards only)',
	},
	{
		option: 'checkBlur',
		displayName: 'Check Blur',
		description: 'Whether to score how blurred the picture is (ID cards only)',
	},
	{
		option: 'checkTampering',
		displayName: 'Check Tampering',
		description: 'Whether to score signs of editing such as Photoshop (ID cards only)',
	},
];

/** The `imageCheck` digits for the chosen switches, or undefined when none is on (the default). */
export function imageCheckDigits(options: Record<string, unknown>): string | undefined {
	const digits = IMAGE_CHECKS.map((check) => (options[check.option] === true ? '1' : '0')).join('');
	return digits.includes('1') ? digits : undefined;
}
