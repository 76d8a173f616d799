// whatsapp-web.js pulls puppeteer, whose install script downloads a browser; with no internet
// that fails. We run Debian's chromium (CHROMIUM_PATH) instead.
module.exports = { skipDownload: true };
