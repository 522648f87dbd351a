const { task, src, dest } = require('gulp');

task('build:icons', copyIcons);

// The node and the credential name their icons as `file:../../icons/…` and `file:../icons/…`,
// paths n8n resolves from the compiled files; so icons/ sits beside nodes/ and credentials/ in
// dist/ just as in the source, one copy of each.
function copyIcons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}
