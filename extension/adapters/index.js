// @ts-check
// Adapter registry. Choice order (DESIGN.md): what the agent taught this origin, then the URL,
// then page structure, then the generic adapter.
import chatwoot from "./chatwoot.js";
import freshdesk from "./freshdesk.js";
import front from "./front.js";
import generic from "./generic.js";
import gorgias from "./gorgias.js";
import helpscout from "./helpscout.js";
import intercom from "./intercom.js";
import { taughtAdapter } from "./taught.js";
import zammad from "./zammad.js";
import zendesk from "./zendesk.js";

export const ADAPTERS = [zendesk, freshdesk, helpscout, intercom, front, gorgias, zammad, chatwoot];
export { generic };

/**
 * Pick the adapter for a page. `enabled` maps adapter names to false to switch them off;
 * `taught` holds selectors the agent taught for this origin.
 */
export function chooseAdapter(doc, url, { enabled = {}, taught = null } = {}) {
  const on = (adapter) => enabled[adapter.name] !== false;
  if (taught?.message) return taughtAdapter(taught);
  const byUrl = ADAPTERS.find((adapter) => on(adapter) && adapter.matchesUrl(url));
  if (byUrl) return byUrl;
  const byStructure = ADAPTERS.find((adapter) => on(adapter) && adapter.detect(doc));
  if (byStructure) return byStructure;
  return on(generic) ? generic : null;
}
