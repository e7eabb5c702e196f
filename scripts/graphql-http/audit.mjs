// audit.mjs runs the graphql-http server audits (the GraphQL over HTTP
// spec's MUST and SHOULD checks) against the URL given as its argument and
// prints one line per audit. It exits 1 when an audit errors (a MUST
// failed), 0 otherwise; warnings (SHOULD and MAY) are printed, not fatal.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs http://HOST:PORT/graphql');
  process.exit(2);
}
const results = await Promise.all(
  serverAudits({ url, fetchFn: fetch }).map((audit) => audit.fn()),
);
let errors = 0;
let warnings = 0;
for (const r of results) {
  if (r.status === 'error') errors++;
  if (r.status === 'warn') warnings++;
  console.log(`${r.status}\t${r.id}\t${r.name}${r.reason ? `\t${r.reason}` : ''}`);
}
console.log(`${results.length} audits: ${errors} errors, ${warnings} warnings`);
process.exit(errors > 0 ? 1 : 0);
