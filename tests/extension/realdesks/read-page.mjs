// What the generic reader makes of saved pages: `node realdesks/read-page.mjs PAGE.html...` prints the
// customer, subject, read confidence and each message (role, author, text). For looking, not testing.
import { readFileSync } from "node:fs";
import { JSDOM } from "jsdom";
import { generic } from "../../../extension/adapters/index.js";

for (const file of process.argv.slice(2)) {
  const url = `https://desk.example.test/tickets/${file.replace(/\W/g, "")}/1`;
  const dom = new JSDOM(readFileSync(file, "utf8"), { url });
  generic.reset();
  const conversation = generic.read(dom.window.document, new URL(url));
  const judged = generic.lastJudgement?.() ?? null;
  console.log(`== ${file}: customer ${conversation?.customer?.name} | subject ${conversation?.subject}`);
  if (judged) console.log(`   confidence ${judged.confidence.toFixed(2)} ${judged.warnings.join(", ")}`);
  for (const m of conversation?.messages || []) {
    console.log(`   ${m.role.padEnd(8)} ${(m.author || "").padEnd(14)} ${JSON.stringify(m.text.replace(/\s+/g, " ").slice(0, 100))}`);
  }
}
