/** `npm run bench [-- name…]`: runs the named benchmarks (all by default) one after another. */
const all = [
  "conversation-turn",
  "conversation-baseline",
  "conversation-e2e",
  "reminder-planning",
  "api-economy",
  "dispatch",
  "thousand-sites",
];
const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
for (const name of wanted.length ? wanted : all) {
  if (!all.includes(name)) throw new Error(`unknown benchmark "${name}"; have: ${all.join(", ")}`);
  await import(`./${name}.ts`);
}
