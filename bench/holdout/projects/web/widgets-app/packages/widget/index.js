const core = require("sitekit-core");
module.exports = () => `widget on core ${core.version()}`;
