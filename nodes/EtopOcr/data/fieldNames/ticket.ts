import type { FieldDictionary } from './types';

/**
 * Everything pid 22 reads: train tickets, taxi receipts, flight itineraries, quota invoices and
 * general machine-printed receipts. One dictionary, because one call may return several kinds;
 * the amount a receipt is for is `totalAmount` on every kind that prints one.
 */
export const TICKET: FieldDictionary = {
	family: 'ticket',
	title: 'Train ticket, taxi receipt, itinerary, quota invoice, general receipt',
	fields: [
		{ name: 'ticketNumber', from: ['车票号', '电子客票号码', 'TicketNo'] },
		{ name: 'invoiceCode', from: ['发票代码', 'InvoiceCode'] },
		{ name: 'invoiceNumber', from: ['发票号码', 'InvoiceNo'] },
		{ name: 'issueDate', from: ['开票日期', 'InvoiceDate'], kind: 'date' },
		{ name: 'trainNumber', from: ['车次', 'TrainNo'] },
		{ name: 'flightNumber', from: ['航班号', 'FlightNo'] },
		{ name: 'carrier', from: ['承运人', 'Carrier'] },
		{ name: 'carNumber', from: ['车号', 'CarNo'] },
		{ name: 'departure', from: ['出发站', '出发', 'From'] },
		{ name: 'arrival', from: ['到达站', '到达', 'To'] },
		// Train tickets print the departure time with the date (2019年03月04日08:15开).
		{ name: 'travelDate', from: ['乘车日期', '日期', 'Date'], kind: 'date' },
		{ name: 'departureTime', from: ['时间', 'Time'] },
		{ name: 'boardingTime', from: ['上车时间', 'GetOn'] },
		{ name: 'alightingTime', from: ['下车时间', 'GetOff'] },
		{ name: 'seat', from: ['座位号', 'Seat'] },
		{ name: 'seatClass', from: ['座位类别', '座位等级', 'SeatClass'] },
		{ name: 'passengerName', from: ['姓名', '旅客姓名', 'Name', 'Passenger'] },
		{ name: 'passengerIdNumber', from: ['身份证号', '有效身份证件号码', 'IdNo'] },
		{ name: 'mileage', from: ['里程', 'Mileage'], kind: 'number', unit: 'km' },
		{ name: 'unitPrice', from: ['单价', 'UnitPrice'], kind: 'amount' },
		{ name: 'fare', from: ['票价', 'Price', 'Fare'], kind: 'amount' },
		{ name: 'caacDevelopmentFund', from: ['民航发展基金', 'CAAC'], kind: 'amount' },
		{ name: 'fuelSurcharge', from: ['燃油附加费', 'Fuel'], kind: 'amount' },
		{ name: 'totalAmount', from: ['金额', '合计', '合计金额(小写)', 'Amount', 'Total'], kind: 'amount' },
		{ name: 'totalAmountInWords', from: ['金额(大写)', '合计金额(大写)', 'AmountInWords', 'TotalInWords'] },
		{ name: 'region', from: ['地区', 'Region'] },
		{ name: 'payer', from: ['付款方', 'Payer'] },
		{ name: 'payee', from: ['收款方', 'Payee'] },
	],
};
