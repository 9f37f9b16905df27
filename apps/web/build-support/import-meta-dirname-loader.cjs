// Turbopack implements import.meta.url but not import.meta.dirname (Node ≥ 20.11), which
// workspace packages use to find files next to their source (e.g. @youjian/db's SQL
// migrations). The app runs from the checkout it was built in, so the module's own
// source directory is exactly what import.meta.dirname would have said at run time.
const path = require('node:path');

module.exports = function importMetaDirnameLoader(source) {
  return source.replaceAll('import.meta.dirname', JSON.stringify(path.dirname(this.resourcePath)));
};
