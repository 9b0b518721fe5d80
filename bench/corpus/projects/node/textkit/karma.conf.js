// Karma runs the jasmine specs against src/textkit.js in Chrome Headless (Debian's chromium, no sandbox in CI).
module.exports = function (config) {
  config.set({
    frameworks: ['jasmine'],
    files: ['src/textkit.js', 'spec/**/*.spec.js'],
    browsers: ['ChromeHeadlessCI'],
    customLaunchers: {
      ChromeHeadlessCI: { base: 'ChromeHeadless', flags: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] },
    },
    reporters: ['progress', 'junit'],
    junitReporter: { outputDir: process.env.KARMA_JUNIT_DIR || 'reports/karma', useBrowserName: true },
    singleRun: true,
    browserNoActivityTimeout: 60000,
  });
};
