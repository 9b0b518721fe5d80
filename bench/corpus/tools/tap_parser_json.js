// TAP on stdin -> one JSON object per test point, read by the tap-parser package (node-tap's parser,
// resolved from the project's node_modules): id, name, ok, skip/todo and the YAML diagnostics (diag).
'use strict';
const path = require('node:path');
const { Parser } = require(require.resolve('tap-parser', { paths: [process.cwd(), path.join(process.cwd(), 'node_modules')] }));

const parser = new Parser();
parser.on('assert', (point) => {
  process.stdout.write(JSON.stringify({ number: point.id, description: point.name, ok: point.ok,
    directive: point.skip ? 'SKIP' : point.todo ? 'TODO' : '', diag: point.diag || null }) + '\n');
});
process.stdin.pipe(parser);
