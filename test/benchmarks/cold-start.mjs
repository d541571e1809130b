// Cold start as the Lambda Runtime API sees it, for the three builds side by side, one run:
//   managed runtime:  dotnet exec <task root>/FailoverOrchestrator.dll  (framework-dependent, as `dotnet lambda package` publishes it)
//   provided.al2023:  <task root>/bootstrap                              (self-contained, src/FailoverOrchestrator.Bootstrap)
//   provided.al2023:  <task root>/bootstrap                              (the same, Native AOT)
// Each build is published once in Release; then each is started 10 times as a fresh process behind a Runtime API
// served here (Node's http, written from the documented interface, independent of LocalCloud's stand-in), and the
// script reports the median of (a) process start -> first GET /2018-06-01/runtime/invocation/next and (b) the first
// invocation's duration (event handed over -> POST .../response) on an alarm OK-transition payload (no AWS call), with
// the handler's own init time (its cold-start log line) as the part of (a) that is ours rather than the runtime's start.
//   node test/benchmarks/cold-start.mjs [runs]
import { execFileSync, spawn } from "node:child_process";
import { createServer } from "node:http";
import { readFileSync, rmSync, mkdtempSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const runs = Number(process.argv[2] ?? 10);
const payload = readFileSync(path.join(root, "src/FailoverOrchestrator.Cli/samples/events/alarm-ok.json"));
const config = path.join(mkdtempSync(path.join(tmpdir(), "fo-bench-")), "orchestrator.json");
writeFileSync(config, readFileSync(path.join(root, "src/FailoverOrchestrator.Cli/samples/orchestrator.json")));

const builds = {
  managed: {
    dir: path.join(root, "artifacts/bench-lambda/managed"),
    publish: ["publish", "src/FailoverOrchestrator", "-c", "Release", "-f", "net8.0", "--runtime", "linux-x64", "--self-contained", "false", "/p:GenerateRuntimeConfigurationFiles=true"],
    start: (dir) => ["dotnet", ["exec", path.join(dir, "FailoverOrchestrator.dll")]],
  },
  bootstrap: {
    dir: path.join(root, "artifacts/bench-lambda/bootstrap"),
    publish: ["publish", "src/FailoverOrchestrator.Bootstrap", "-c", "Release", "-f", "net8.0", "--runtime", "linux-x64", "/p:GenerateRuntimeConfigurationFiles=true"],
    start: (dir) => [path.join(dir, "bootstrap"), []],
  },
  // The same bootstrap compiled ahead of time (ILCompiler; links with the machine's gcc or clang and zlib). Trim and
  // AOT warnings are printed by the publish; the build is not yet part of the test suite.
  aot: {
    dir: path.join(root, "artifacts/bench-lambda/aot"),
    publish: ["publish", "src/FailoverOrchestrator.Bootstrap", "-c", "Release", "-f", "net8.0", "--runtime", "linux-x64", "/p:PublishAot=true", "/p:PublishReadyToRun=false"],
    start: (dir) => [path.join(dir, "bootstrap"), []],
  },
};
for (const build of Object.values(builds)) {
  rmSync(build.dir, { recursive: true, force: true });
  execFileSync("dotnet", [...build.publish, "-o", build.dir, "-v", "q", "-nologo"], { cwd: root, stdio: "inherit" });
}

// One execution environment: a Runtime API that hands out one event and records when things happen.
function coldStart(build) {
  return new Promise((resolve, reject) => {
    let started, firstNext, responded, child, stdout = "";
    const server = createServer((req, res) => {
      const chunks = [];
      req.on("data", (c) => chunks.push(c));
      req.on("end", () => {
        const now = process.hrtime.bigint();
        if (req.method === "GET" && req.url === "/2018-06-01/runtime/invocation/next") {
          if (firstNext !== undefined) return; // the second /next blocks, as Lambda's does, until the process is killed
          firstNext = now;
          res.writeHead(200, {
            "Content-Type": "application/json",
            "Lambda-Runtime-Aws-Request-Id": "bench-1",
            "Lambda-Runtime-Deadline-Ms": String(Date.now() + 300_000),
            "Lambda-Runtime-Invoked-Function-Arn": "arn:aws:lambda:us-east-1:111122223333:function:failover-orchestrator",
            "Lambda-Runtime-Trace-Id": "Root=1-5759e988-bd862e3fe1be46a994272793;Sampled=1",
          });
          res.end(payload);
        } else if (req.method === "POST" && req.url === "/2018-06-01/runtime/invocation/bench-1/response") {
          responded = now;
          res.writeHead(202, { "Content-Type": "application/json" });
          res.end('{"status":"OK"}');
          const body = Buffer.concat(chunks).toString();
          child.kill("SIGKILL");
          server.close();
          if (!body.includes('"Ignored"')) reject(new Error(`unexpected response ${body}`));
          else setTimeout(() => {
            const cold = stdout.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l)).find((l) => l.eventId === 1);
            resolve({ toNextMs: Number(firstNext - started) / 1e6, firstInvokeMs: Number(responded - firstNext) / 1e6, handlerInitMs: Number(cold?.initMs ?? NaN) });
          }, 20);
        } else {
          res.writeHead(404); res.end();
          child.kill("SIGKILL"); server.close();
          reject(new Error(`unexpected ${req.method} ${req.url}: ${Buffer.concat(chunks)}`));
        }
      });
    });
    server.listen(0, "127.0.0.1", () => {
      const [file, args] = build.start(build.dir);
      const env = {
        PATH: process.env.PATH, LANG: "en_US.UTF-8", TZ: ":UTC",
        LAMBDA_TASK_ROOT: build.dir, _HANDLER: "FailoverOrchestrator",
        AWS_LAMBDA_RUNTIME_API: `127.0.0.1:${server.address().port}`,
        AWS_LAMBDA_FUNCTION_NAME: "failover-orchestrator", AWS_LAMBDA_FUNCTION_VERSION: "$LATEST", AWS_LAMBDA_FUNCTION_MEMORY_SIZE: "512",
        AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: "AKIDBENCH", AWS_SECRET_ACCESS_KEY: "bench", AWS_EC2_METADATA_DISABLED: "true",
        ORCHESTRATOR_CONFIG: config,
      };
      started = process.hrtime.bigint();
      child = spawn(file, args, { cwd: build.dir, env, stdio: ["ignore", "pipe", "pipe"] });
      child.stdout.on("data", (d) => (stdout += d));
      let stderr = "";
      child.stderr.on("data", (d) => (stderr += d));
      child.on("exit", (code, signal) => {
        if (responded === undefined) { server.close(); reject(new Error(`exited ${code ?? signal} before answering: ${stderr}`)); }
      });
    });
  });
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const results = {};
for (const [name, build] of Object.entries(builds)) results[name] = [];
// Interleaved, so every build meets the same machine load.
for (let i = 0; i < runs; i++) for (const [name, build] of Object.entries(builds)) results[name].push(await coldStart(build));

const fmt = (x) => x.toFixed(1).padStart(8);
console.log(`\nCold start, median of ${runs} process starts (aims: < 150 ms to first /next, < 50 ms first invocation)\n`);
console.log("build                                   start -> first /next   first invocation   (of the first: handler init)");
for (const [name, xs] of Object.entries(results)) {
  const label = { managed: "managed runtime (dotnet exec .dll)", bootstrap: "provided.al2023 (self-contained bootstrap)", aot: "provided.al2023 (Native AOT bootstrap)" }[name];
  console.log(`${label.padEnd(42)}${fmt(median(xs.map((x) => x.toNextMs)))} ms ${fmt(median(xs.map((x) => x.firstInvokeMs)))} ms ${fmt(median(xs.map((x) => x.handlerInitMs)))} ms`);
}
console.log("\n" + JSON.stringify({ runs, results: Object.fromEntries(Object.entries(results).map(([k, xs]) => [k, { toNextMs: xs.map((x) => Math.round(x.toNextMs)), firstInvokeMs: xs.map((x) => Math.round(x.firstInvokeMs)), handlerInitMs: xs.map((x) => x.handlerInitMs) }])) }));
