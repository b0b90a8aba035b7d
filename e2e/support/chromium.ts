/**
 * Debian's Chromium, used where it is installed: Playwright's own browser
 * download fails on the CI machines. The flags keep a headless run quiet
 * and working as root in a container (no sandbox, no GPU, no calls home).
 */
export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
