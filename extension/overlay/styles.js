// @ts-check
// Overlay styles, adopted into the shadow root (constructable stylesheets are not subject to the
// page's CSP). Colours follow the page's light or dark scheme.
export const OVERLAY_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.panel {
  --bg: #ffffff; --fg: #1f2933; --muted: #5f6b7a; --line: #d9dee5; --accent: #1d6fd1; --accent-fg: #ffffff;
  --card: #f6f8fb; --warn: #9a5b00; --warn-bg: #fff4e0; --bad: #b42318; --bad-bg: #fdecea; --good: #0f7a55;
  position: fixed; z-index: 2147483000; width: 360px; max-height: min(70vh, 640px);
  display: flex; flex-direction: column; overflow: hidden;
  font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg);
  background: var(--bg); border: 1px solid var(--line); border-radius: 10px;
  box-shadow: 0 8px 28px rgba(15, 23, 42, 0.18);
}
.panel.dark {
  --bg: #1c2128; --fg: #e6edf3; --muted: #9aa7b4; --line: #39424d; --accent: #4c9aff; --accent-fg: #0b1220;
  --card: #242b34; --warn: #f5c26b; --warn-bg: #3a2f1a; --bad: #ff8a80; --bad-bg: #3b1f1f; --good: #5fd4a4;
}
.panel.collapsed { width: auto; max-height: none; }
.panel.collapsed .body, .panel.collapsed .tabs, .panel.collapsed footer { display: none; }
header { display: flex; align-items: center; gap: 6px; padding: 8px 10px; border-bottom: 1px solid var(--line); }
header .title { font-weight: 600; }
.ai-badge { font-size: 11px; padding: 1px 6px; border-radius: 999px; background: var(--accent); color: var(--accent-fg); }
header .spacer { flex: 1; }
button { font: inherit; color: inherit; cursor: pointer; border: 1px solid var(--line); background: var(--bg);
  border-radius: 6px; padding: 3px 8px; }
button:hover { border-color: var(--accent); }
button:focus-visible, a:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
button.primary { background: var(--accent); border-color: var(--accent); color: var(--accent-fg); }
button.icon { padding: 2px 6px; }
.tabs { display: flex; gap: 4px; padding: 6px 10px 0; }
.tabs button { border-bottom-left-radius: 0; border-bottom-right-radius: 0; border-bottom: none; }
.tabs button[aria-selected="true"] { background: var(--card); font-weight: 600; }
.body { overflow: auto; padding: 8px 10px; background: var(--card); flex: 1; }
.status-row { display: flex; align-items: center; gap: 6px; }
.status { font-size: 12px; color: var(--muted); padding: 4px 10px; min-height: 1.5em; flex: 1; }
.status-action { font-size: 12px; margin-right: 10px; }
.site { font-size: 12px; color: var(--muted); padding: 4px 10px 0; }
button.link { border: none; background: none; padding: 0; color: var(--accent); text-decoration: underline; font-size: 12px; }
button[disabled] { opacity: 0.55; cursor: default; }
.status[data-level="error"] { color: var(--bad); background: var(--bad-bg); }
.status[data-level="warn"] { color: var(--warn); background: var(--warn-bg); }
.signals { display: flex; flex-wrap: wrap; gap: 4px; margin-bottom: 8px; }
.chip { font-size: 11px; padding: 1px 7px; border-radius: 999px; border: 1px solid var(--line); background: var(--bg); }
.chip.high, .chip.negative { color: var(--bad); border-color: var(--bad); }
.chip.medium { color: var(--warn); border-color: var(--warn); }
.context { margin-bottom: 8px; font-size: 12px; border: 1px solid var(--line); border-radius: 6px; padding: 4px 8px; }
.context > summary { cursor: pointer; }
.context > summary.overdue { color: var(--bad); }
.earlier { margin: 4px 0 0 8px; }
.earlier summary { cursor: pointer; display: flex; gap: 6px; align-items: center; }
.context-summary { margin: 2px 0; color: var(--muted); }
.promises { margin: 2px 0; padding-left: 16px; }
.promise.overdue { color: var(--bad); }
.reasons { width: 100%; margin: 2px 0 0; padding-left: 16px; font-size: 12px; color: var(--muted); }
.card { background: var(--bg); border: 1px solid var(--line); border-radius: 8px; padding: 8px; margin-bottom: 8px; }
.card .meta { display: flex; gap: 6px; align-items: center; font-size: 11px; color: var(--muted); margin-bottom: 4px; }
.card .kind { text-transform: uppercase; letter-spacing: 0.04em; font-weight: 600; }
.card .text { white-space: pre-wrap; margin: 0 0 6px; overflow-wrap: anywhere; }
.draft-note { margin: 0 0 4px; font-size: 11px; color: var(--warn); font-style: italic; }
.checks { border-left: 3px solid var(--warn); background: var(--warn-bg); color: var(--warn); padding: 4px 8px; border-radius: 6px; margin: 0 0 6px; font-size: 12px; }
.checks p { margin: 2px 0; }
.card[data-checks="uncited"] { border-color: var(--warn); }
mark[data-tandem="unsupported"] { background: var(--warn-bg); color: inherit; border-bottom: 2px solid var(--warn); }
.card[data-state="streaming"] .text::after { content: "▍"; animation: blink 1s steps(2) infinite; }
@keyframes blink { 50% { opacity: 0; } }
.citations { margin: 0 0 6px; padding: 0; list-style: none; font-size: 12px; }
.citations li { margin: 2px 0; }
.citations a { color: var(--accent); text-decoration: none; }
.citations a:hover { text-decoration: underline; }
.citations .freshness { margin-left: 6px; font-size: 11px; color: var(--muted); }
.citations .freshness.overdue, .citations .freshness.drift { color: #9a6700; font-weight: 600; }
.citations .quote { display: block; color: var(--muted); font-style: italic; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.actions { display: flex; gap: 4px; flex-wrap: wrap; align-items: center; }
.actions .spacer { flex: 1; }
.unreadable { border-left: 3px solid var(--warn); background: var(--warn-bg); padding: 6px 8px; border-radius: 6px; margin-bottom: 8px; font-size: 12px; }
.unreadable p { margin: 0 0 6px; color: var(--warn); }
.no-answer { border-left: 3px solid var(--warn); background: var(--warn-bg); color: var(--warn); padding: 6px 8px; border-radius: 6px; margin-bottom: 8px; font-size: 12px; }
.language-note { border-left: 3px solid var(--warn); background: var(--warn-bg); color: var(--warn); padding: 6px 8px; border-radius: 6px; margin-bottom: 8px; font-size: 12px; }
.rewrite { border-top: 1px solid var(--line); margin-top: 8px; padding-top: 8px; display: grid; gap: 6px; }
.summary-text { white-space: pre-wrap; margin: 6px 0; }
.summary-list { margin: 4px 0; padding-left: 16px; }
.empty { color: var(--muted); font-size: 12px; }
footer { font-size: 11px; color: var(--muted); padding: 5px 10px; border-top: 1px solid var(--line); }
`;
