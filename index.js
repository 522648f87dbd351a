// n8n loads the node and credentials from the `n8n` attribute of package.json; nothing to export.
