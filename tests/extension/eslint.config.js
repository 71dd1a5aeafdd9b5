// ESLint (flat config) for the extension and its tests: `npm run lint`, which runs from the repository
// root (paths below are relative to it). Recommended rules; the extension runs in web pages, extension
// pages and a service worker; the tests run in Node.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["tests/extension/node_modules/**", "tests/extension/fixtures/**", "tests/extension/realdesks/**"] },
  js.configs.recommended,
  {
    files: ["extension/**/*.js"],
    languageOptions: { ecmaVersion: 2023, sourceType: "module", globals: { ...globals.browser, ...globals.webextensions } },
  },
  {
    files: ["tests/extension/**/*.mjs", "tests/extension/**/*.js"],
    languageOptions: { ecmaVersion: 2023, sourceType: "module", globals: { ...globals.node } },
  },
  {
    // Chromium tests pass functions to page.evaluate / worker.evaluate: they run in the browser.
    files: ["tests/extension/e2e/**/*.mjs"],
    languageOptions: { globals: { ...globals.browser, ...globals.webextensions } },
  },
];
