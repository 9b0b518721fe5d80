// A jasmine reporter that writes every spec result as JSON (JASMINE_JSON=path), for the corpus facts:
// jasmine --reporter=<this file>. It uses jasmine's reporter interface only (specDone/jasmineDone).
'use strict';
const fs = require('node:fs');

class JsonReporter {
  constructor() {
    this.specs = [];
  }

  specDone(result) {
    this.specs.push({
      fullName: result.fullName,
      status: result.status,
      failedExpectations: result.failedExpectations.map((e) => ({ message: e.message, stack: e.stack })),
    });
  }

  jasmineDone(result) {
    fs.writeFileSync(process.env.JASMINE_JSON, JSON.stringify({ overallStatus: result.overallStatus, specs: this.specs }, null, 2));
  }
}

module.exports = JsonReporter;
