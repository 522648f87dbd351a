import type { INodeProperties } from 'n8n-workflow';

/** Which images of an input item are read, and how (binary fields, PDFs, images already read). */
export const inputOptions: INodeProperties[] = [];
