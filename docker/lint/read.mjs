// Prints the Dockerfiles' instructions and the compose files' content as one JSON object for
// check.py, read by the maintained parsers (dockerfile-ast, the parser of dockerfile-utils; yaml,
// dclint's) so that check.py parses neither format itself. One process for all files.
//   node read.mjs FILE...  ->  {"FILE": [[line, "KEYWORD", "--flag=value arguments"], ...] | document}
import { readFileSync } from 'node:fs';
import { DockerfileParser } from 'dockerfile-ast';
import { parseDocument } from 'yaml';

function dockerfile(text) {
  return DockerfileParser.parse(text).getInstructions().map((i) => {
    const flags = (i.getFlags ? i.getFlags() : []).map((f) => `--${f.getName()}${f.getValue() === null ? '' : `=${f.getValue()}`}`);
    return [i.getRange().start.line + 1, i.getKeyword(), [...flags, i.getArgumentsContent() ?? ''].join(' ').trim()];
  });
}

function yaml(file, text) {
  const doc = parseDocument(text, { uniqueKeys: true });
  return doc.errors.length ? { error: `${file}: ${doc.errors[0].message}` } : doc.toJS();
}

const out = {};
for (const file of process.argv.slice(2)) {
  const text = readFileSync(file, 'utf8');
  out[file] = file.endsWith('Dockerfile') ? dockerfile(text) : yaml(file, text);
}
console.log(JSON.stringify(out));
