/**
 * A device agent simulator for trying enrollment end to end:
 *
 *   npx tsx scripts/agent.ts enroll <link-or-token> --os android --name "Pixel 8" [--model …] [--os-version …] [--url http://localhost:3000]
 *   npx tsx scripts/agent.ts heartbeat --credential <c> [--url …] [--components Agent,Antivirus] [--os-version …]
 *   npx tsx scripts/agent.ts heartbeat --device <deviceId>      (reads ./data/agent-<deviceId>.json)
 *   npx tsx scripts/agent.ts policy (--credential <c> | --device <deviceId>) [--etag '"…"'] [--url …]
 *
 * Given a link, enroll talks to the console the link points at. The
 * credential the console returns is saved to ./data/agent-<deviceId>.json
 * (mode 600). Failures print the console's message and exit with status 1.
 */
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const DEFAULT_URL = "http://localhost:3000";
const DATA_DIR = path.resolve("data");
const OS_VALUES = ["windows", "macos", "linux", "android", "ios", "ipados"];

type Saved = { deviceId: string; credential: string; url: string; os: string; name: string };

function usage(message?: string): never {
  if (message) console.error(message);
  console.error(
    "Usage:\n" +
      "  agent enroll <link-or-token> --os <windows|macos|linux|android|ios|ipados> [--name …] [--model …] [--os-version …] [--url …]\n" +
      "  agent heartbeat (--credential <c> | --device <deviceId>) [--components Agent,Antivirus,Firewall,Containment] [--os-version …] [--url …]\n" +
      "  agent policy (--credential <c> | --device <deviceId>) [--etag <etag from the last answer>] [--url …]",
  );
  process.exit(2);
}

/** The console's origin from a link like https://host/enroll/<token>, else null. */
function originOf(linkOrToken: string): string | null {
  if (!/^https?:\/\//i.test(linkOrToken)) return null;
  try {
    const url = new URL(linkOrToken);
    const at = url.pathname.indexOf("/enroll/");
    return `${url.origin}${at > 0 ? url.pathname.slice(0, at) : ""}`;
  } catch {
    return null;
  }
}

async function call(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  } catch (error) {
    console.error(`Could not reach ${url}: ${(error as Error).message}`);
    process.exit(1);
  }
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    console.error(`${response.status} ${response.statusText}: the console did not answer with JSON.`);
    process.exit(1);
  }
  if (!response.ok) {
    const error = (json.error ?? {}) as { code?: string; message?: string };
    const retry = response.headers.get("retry-after");
    console.error(`Error ${response.status} ${error.code ?? ""}: ${error.message ?? text}${retry ? ` (retry after ${retry} s)` : ""}`);
    process.exit(1);
  }
  return json;
}

async function enroll(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { os: { type: "string" }, name: { type: "string" }, model: { type: "string" }, "os-version": { type: "string" }, url: { type: "string" } },
  });
  const linkOrToken = positionals[0];
  if (!linkOrToken) usage("enroll needs the link or token from the email.");
  if (!values.os || !OS_VALUES.includes(values.os)) usage(`--os must be one of ${OS_VALUES.join(", ")}.`);
  const base = (originOf(linkOrToken) ?? values.url ?? DEFAULT_URL).replace(/\/+$/, "");
  const device = {
    os: values.os,
    osVersion: values["os-version"] ?? "",
    ...(values.name !== undefined ? { name: values.name } : {}),
    ...(values.model !== undefined ? { model: values.model } : {}),
  };
  const result = await call(`${base}/api/agent/enroll`, { token: linkOrToken, device });
  console.log(JSON.stringify(result, null, 2));
  const deviceId = String(result.deviceId);
  if (!/^[A-Za-z0-9_-]+$/.test(deviceId)) throw new Error("The console returned an unexpected device id.");
  const saved: Saved = { deviceId, credential: String(result.credential), url: base, os: values.os, name: values.name ?? "" };
  mkdirSync(DATA_DIR, { recursive: true });
  const file = path.join(DATA_DIR, `agent-${deviceId}.json`);
  writeFileSync(file, `${JSON.stringify(saved, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  console.error(`Saved the credential to ${path.relative(process.cwd(), file)}`);
}

/** The credential and console URL from --credential/--url or a saved --device file. */
function credentialOf(values: { credential?: string; device?: string; url?: string }, command: string): { credential: string; base: string } {
  let credential = values.credential;
  let base = values.url;
  if (!credential && values.device) {
    if (!/^[A-Za-z0-9_-]+$/.test(values.device)) usage("--device takes a device id.");
    const file = path.join(DATA_DIR, `agent-${values.device}.json`);
    let saved: Saved;
    try {
      saved = JSON.parse(readFileSync(file, "utf8")) as Saved;
    } catch {
      console.error(`No saved credential for device ${values.device} (${path.relative(process.cwd(), file)}). Enroll it first.`);
      process.exit(1);
    }
    credential = saved.credential;
    base ??= saved.url;
  }
  if (!credential) usage(`${command} needs --credential or --device.`);
  return { credential, base: (base ?? DEFAULT_URL).replace(/\/+$/, "") };
}

async function heartbeat(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { credential: { type: "string" }, device: { type: "string" }, url: { type: "string" }, components: { type: "string" }, "os-version": { type: "string" } },
  });
  const { credential, base } = credentialOf(values, "heartbeat");
  const components = (values.components ?? "Agent,Antivirus,Firewall").split(",").map((c) => c.trim()).filter(Boolean);
  const body = { components, ...(values["os-version"] !== undefined ? { osVersion: values["os-version"] } : {}) };
  const result = await call(`${base}/api/agent/heartbeat`, body, { authorization: `Bearer ${credential}` });
  console.log(JSON.stringify(result, null, 2));
}

/** Fetches the device's effective policy; with --etag, an unchanged policy prints "Not modified". */
async function policy(args: string[]): Promise<void> {
  const { values } = parseArgs({ args, options: { credential: { type: "string" }, device: { type: "string" }, url: { type: "string" }, etag: { type: "string" } } });
  const { credential, base } = credentialOf(values, "policy");
  const url = `${base}/api/agent/policy`;
  let response: Response;
  try {
    response = await fetch(url, { headers: { authorization: `Bearer ${credential}`, ...(values.etag ? { "if-none-match": values.etag } : {}) } });
  } catch (error) {
    console.error(`Could not reach ${url}: ${(error as Error).message}`);
    process.exit(1);
  }
  if (response.status === 304) return console.log(`Not modified (ETag ${response.headers.get("etag")})`);
  const text = await response.text();
  if (!response.ok) {
    console.error(`Error ${response.status}: ${text}`);
    process.exit(1);
  }
  console.log(JSON.stringify(JSON.parse(text), null, 2));
  console.error(`ETag ${response.headers.get("etag")}`);
}

const [command, ...rest] = process.argv.slice(2);
try {
  if (command === "enroll") await enroll(rest);
  else if (command === "heartbeat") await heartbeat(rest);
  else if (command === "policy") await policy(rest);
  else usage(command ? `Unknown command "${command}".` : undefined);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
