// Cold start of the handler, measured the way Lambda meets it: a new process per run.
// Builds the CLI in Release once, then starts it 10 times on an alarm OK-transition payload (no AWS call) and reports
// the median of (a) process start to result and (b) the handler's own init and first-invoke times from its JSON logs.
//   node test/benchmarks/cold-start.mjs [runs]
import { execFileSync, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const runs = Number(process.argv[2] ?? 10);
const out = path.join(root, "artifacts", "bench-cli");
execFileSync("dotnet", ["build", path.join(root, "src/FailoverOrchestrator.Cli"), "-c", "Release", "-o", out, "-v", "q", "-nologo"], { stdio: "inherit" });
const dll = path.join(out, "FailoverOrchestrator.Cli.dll");
const payload = path.join(out, "samples", "events", "alarm-ok.json");

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const wall = [], init = [], first = [];
for (let i = 0; i < runs; i++) {
  const started = process.hrtime.bigint();
  const run = spawnSync("dotnet", [dll, "invoke", "--payload", payload], { encoding: "utf8", env: { ...process.env, AWS_EC2_METADATA_DISABLED: "true" } });
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0 || !run.stdout.includes('"Ignored"')) {
    console.error(run.stdout, run.stderr);
    throw new Error(`run ${i + 1} did not return Ignored (exit ${run.status})`);
  }
  const logs = run.stderr.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));
  const cold = logs.find((l) => l.eventId === 1);
  const outcome = logs.find((l) => l.eventId === 5);
  wall.push(elapsed);
  init.push(Number(cold.initMs));
  first.push(Number(outcome.durationMs));
}
console.log(JSON.stringify({ runs, medianProcessStartToResultMs: median(wall), medianHandlerInitMs: median(init), medianFirstInvokeMs: median(first), processMs: wall.map(Math.round), initMs: init, firstInvokeMs: first }, null, 2));
