import type { FieldDictionary } from './types';

export const BANK_CARD: FieldDictionary = {
	family: 'bankCard',
	title: 'Bank card',
	fields: [
		// Text, not a number: card numbers are identifiers, printed in groups.
		{ name: 'cardNumber', from: ['卡号', 'CardNo'] },
		{ name: 'bankName', from: ['银行名称', 'BankName'] },
		{ name: 'cardName', from: ['卡名称', 'CardName'] },
		{ name: 'cardType', from: ['卡类型', 'CardType'] },
		// MM/YY as printed; turning it into a date would mean guessing the century and the day.
		{ name: 'validThru', from: ['有效期', 'ValidDate'] },
	],
};
