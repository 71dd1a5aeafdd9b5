// Classic content script: content scripts cannot be ES modules, so load the real entry point as one.
(async () => {
  if (window.__tandemLoaded) return; // the loader can be injected twice (manifest + custom domains)
  window.__tandemLoaded = true;
  try {
    const { start } = await import(chrome.runtime.getURL("content/main.js"));
    await start();
  } catch (error) {
    console.warn("[tandem] failed to start", error);
  }
})();
