import type { INodeProperties, NodeParameterValueType } from 'n8n-workflow';

/**
 * A parameter twice: as a workflow uses it, and with another default in the AI-agent tool that
 * n8n derives from the node (`usableAsTool`), where there is no input item to read from. The
 * `@tool` condition comes first, because n8n shows a parameter at once when an earlier
 * condition's value is an expression.
 */
/**
 * A parameter value the model fills in, written the way n8n's editor writes "Let the model define
 * this parameter", so that the editor shows it as "Defined automatically by the model".
 */
export function fromAi(key: string, description: string, type: 'string' | 'number' | 'boolean' = 'string'): string {
	return `={{ /*n8n-auto-generated-fromAI-override*/ $fromAI('${key}', \`${description}\`, '${type}') }}`;
}

export function withToolDefault(
	property: INodeProperties,
	toolDefault: NodeParameterValueType,
	toolChanges: Partial<INodeProperties> = {},
): INodeProperties[] {
	const show = property.displayOptions?.show ?? {};
	const inVariant = (tool: boolean) => ({ ...property.displayOptions, show: { '@tool': [tool], ...show } });
	return [
		{ ...property, displayOptions: inVariant(false) },
		{ ...property, ...toolChanges, default: toolDefault, displayOptions: inVariant(true) },
	];
}
