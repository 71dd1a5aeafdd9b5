// @ts-check
// Classic content script: content scripts cannot be ES modules, so load the real entry point as one.
(async () => {
  const flags = /** @type {Window & {__tandemLoaded?: boolean}} */ (window);
  if (flags.__tandemLoaded) return; // the loader can be injected twice (manifest + custom domains)
  flags.__tandemLoaded = true;
  try {
    const { start } = await import(chrome.runtime.getURL("content/main.js"));
    await start();
  } catch (error) {
    console.warn("[tandem] failed to start", error);
  }
})();
