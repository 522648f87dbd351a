const path = require('path');
const { task, src, dest } = require('gulp');

task('build:icons', copyIcons);

// n8n resolves `icon: 'file:etopOcr.svg'` next to the compiled node and credential files.
function copyIcons() {
	const nodeDestination = path.resolve('dist', 'nodes', 'EtopOcr');
	src('icons/*.svg').pipe(dest(nodeDestination));
	const credDestination = path.resolve('dist', 'credentials');
	return src('icons/*.svg').pipe(dest(credDestination));
}
