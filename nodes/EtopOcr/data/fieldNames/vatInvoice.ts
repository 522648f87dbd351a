import type { FieldDictionary } from './types';

/**
 * VAT invoices (special and ordinary). 金额 is the amount before tax, 税额 the tax and 价税合计
 * the total with tax, on the invoice and on each line item.
 */
export const VAT_INVOICE: FieldDictionary = {
	family: 'vatInvoice',
	title: 'VAT invoice',
	fields: [
		{ name: 'invoiceType', from: ['发票类型', 'InvoiceType'] },
		{ name: 'invoiceCode', from: ['发票代码', 'InvoiceCode'] },
		{ name: 'invoiceNumber', from: ['发票号码', 'InvoiceNo'] },
		{ name: 'issueDate', from: ['开票日期', 'InvoiceDate'], kind: 'date' },
		{ name: 'checkCode', from: ['校验码', 'CheckCode'] },
		{ name: 'machineNumber', from: ['机器编号', 'MachineNo'] },
		{ name: 'buyerName', from: ['购买方名称', 'BuyerName'] },
		{ name: 'buyerTaxId', from: ['购买方纳税人识别号', 'BuyerTaxNo'] },
		{ name: 'buyerAddressPhone', from: ['购买方地址、电话', 'BuyerAddressPhone'] },
		{ name: 'buyerBankAccount', from: ['购买方开户行及账号', 'BuyerBankAccount'] },
		{ name: 'netAmount', from: ['金额', 'Amount'], kind: 'amount' },
		{ name: 'taxAmount', from: ['税额', 'Tax'], kind: 'amount' },
		{ name: 'totalAmountInWords', from: ['价税合计(大写)', 'TotalInWords'] },
		{ name: 'totalAmount', from: ['价税合计(小写)', 'Total'], kind: 'amount' },
		{ name: 'sellerName', from: ['销售方名称', 'SellerName'] },
		{ name: 'sellerTaxId', from: ['销售方纳税人识别号', 'SellerTaxNo'] },
		{ name: 'sellerAddressPhone', from: ['销售方地址、电话', 'SellerAddressPhone'] },
		{ name: 'sellerBankAccount', from: ['销售方开户行及账号', 'SellerBankAccount'] },
		{ name: 'remarks', from: ['备注', 'Remark'] },
		{ name: 'payee', from: ['收款人', 'Payee'] },
		{ name: 'reviewer', from: ['复核', 'Reviewer'] },
		{ name: 'drawer', from: ['开票人', 'Drawer'] },
	],
	lists: [
		{
			from: ['明细'],
			fields: [
				{ name: 'itemName', from: ['货物或应税劳务名称'] },
				{ name: 'itemSpecification', from: ['规格型号'] },
				{ name: 'itemUnit', from: ['单位'] },
				{ name: 'itemQuantity', from: ['数量'], kind: 'number' },
				{ name: 'itemUnitPrice', from: ['单价'], kind: 'amount' },
				{ name: 'itemAmount', from: ['金额'], kind: 'amount' },
				// A rate such as 13% or 免税 (exempt): text, so that neither is misread.
				{ name: 'itemTaxRate', from: ['税率'] },
				{ name: 'itemTaxAmount', from: ['税额'], kind: 'amount' },
			],
		},
	],
};
