/**
 * The console's HTTP server: Next.js behind a thin Node.js server that
 * records each request's client address from the socket (lib/auth/client-address.ts)
 * and, with no trusted proxy, drops the X-Forwarded-* headers a client could
 * make up. `npm start` runs it after preparing the database and the build.
 */
import { createServer } from "node:http";
import next from "next";
import { CLIENT_ADDRESS_HEADER, resolveClientAddress, trustedProxyCount } from "../lib/auth/client-address";
import { projectRoot } from "../lib/db/schema-source";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const trusted = trustedProxyCount();

const app = next({ dev, dir: projectRoot, hostname: "localhost", port });
const handle = app.getRequestHandler();

await app.prepare();
const server = createServer((req, res) => {
  req.headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], trusted);
  if (trusted === 0) {
    for (const name of ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"]) delete req.headers[name];
  }
  void handle(req, res);
});
if (dev) server.on("upgrade", (req, socket, head) => void app.getUpgradeHandler()(req, socket, head));
server.listen(port, () => {
  console.log(`roster: listening on http://localhost:${port}${trusted ? ` (trusting ${trusted} proxy hop${trusted === 1 ? "" : "s"})` : ""}`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
