/* Small text helpers shared by the browser bundle (window.textkit) and node (require). */
(function (root, factory) {
  if (typeof module === 'object' && module.exports) {
    module.exports = factory();
  } else {
    root.textkit = factory();
  }
})(typeof self !== 'undefined' ? self : this, function () {
  'use strict';

  class TemplateError extends Error {
    constructor(message, variable) {
      super(message);
      this.name = 'TemplateError';
      this.variable = variable;
    }
  }

  function truncate(text, max, ellipsis = '…') {
    if (text.length <= max) return text;
    return text.slice(0, Math.max(0, max - ellipsis.length)) + ellipsis;
  }

  function wordWrap(text, width) {
    const lines = [];
    let line = '';
    for (const word of text.split(/\s+/).filter(Boolean)) {
      if (line && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else {
        line = line ? line + ' ' + word : word;
      }
    }
    if (line) lines.push(line);
    return lines;
  }

  function render(template, vars) {
    return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name) => {
      if (!(name in vars)) throw new TemplateError(`missing variable "${name}"`, name);
      return String(vars[name]);
    });
  }

  function parseQuery(query) {
    const out = {};
    for (const part of query.replace(/^\?/, '').split('&')) {
      if (!part) continue;
      const [key, value = ''] = part.split('=');
      const k = decodeURIComponent(key.replace(/\+/g, ' '));
      const v = decodeURIComponent(value.replace(/\+/g, ' '));
      if (k in out) out[k] = [].concat(out[k], v);
      else out[k] = v;
    }
    return out;
  }

  function formatDuration(ms) {
    if (ms < 1000) return `${ms} ms`;
    const seconds = Math.floor(ms / 1000);
    const h = Math.floor(seconds / 3600);
    const m = Math.floor((seconds % 3600) / 60);
    const s = seconds % 60;
    return [h && `${h}h`, m && `${m}m`, (s || (!h && !m)) && `${s}s`].filter(Boolean).join(' ');
  }

  function errorSummary(error) {
    const name = error && error.name ? error.name : 'Error';
    const message = error && error.message ? error.message : String(error);
    return `${name}: ${message}`;
  }

  return { TemplateError, truncate, wordWrap, render, parseQuery, formatDuration, errorSummary };
});
