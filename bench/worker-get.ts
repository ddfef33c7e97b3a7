// The GET the benches' client threads send (list.ts's loader, event-loop.ts's health poller), as
// plain JavaScript to put into a worker's source, so the worker needs no TypeScript loader: one
// request over `agent` (keep-alive), resolving with the status once the body has been read.
// node:http, not fetch: fetch (undici) in a worker cost more per request than the server's work.
export const WORKER_GET = `
const http = require("node:http");
const getStatus = (url, agent, headers = {}) => new Promise((resolve, reject) => {
  http.get(url, { agent, headers }, (res) => {
    res.on("error", reject);
    res.on("end", () => resolve(res.statusCode));
    res.resume();
  }).on("error", reject);
});
`;
