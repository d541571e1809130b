// Cold start and the first failover as Lambda would see them, for the three builds side by side, one run:
//   managed runtime:  dotnet exec <task root>/FailoverOrchestrator.dll  (framework-dependent, as `dotnet lambda package` publishes it)
//   provided.al2023:  <task root>/bootstrap                              (self-contained, src/FailoverOrchestrator.Bootstrap)
//   provided.al2023:  <task root>/bootstrap                              (the same project with /p:PublishAot=true: Native AOT)
// Each build is published once in Release with Amazon.Lambda.Tools' publish arguments (see LambdaBundle.cs). Then:
// 1. Each is started `runs` times as a fresh process behind a Runtime API served here (Node's http, written from the
//    documented interface, independent of LocalCloud's stand-in): (a) process start -> first GET .../invocation/next,
//    (b) the first invocation (event handed over -> POST .../response) on an alarm OK-transition payload (no AWS call),
//    the handler's own init time (its cold-start log line), and the process's peak memory (VmHWM from
//    /proc/<pid>/status, what Lambda reports as Max Memory Used) when it has answered.
// 2. Each runs `runs` region-outage drills (`drill --runtime managed|bootstrap|aot --json`): a fresh function process
//    behind LocalCloud's Runtime API runs the first failover of its life against dynalite and LocalCloud. Reported are
//    the function's own OverheadTime (OrchestrationTime - AwsWaitTime, from its Embedded Metric Format line: the time
//    spent in our code, JIT included) and the peak memory of the function processes after the failover.
// Medians with min-max over the runs; the raw figures are printed as JSON at the end.
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

const tools = ["-c", "Release", "-f", "net8.0", "/p:GenerateRuntimeConfigurationFiles=true", "--runtime", "linux-x64"];
const builds = {
  managed: {
    dir: path.join(root, "artifacts/bench-lambda/managed"),
    drill: "managed",
    publish: ["publish", "src/FailoverOrchestrator", ...tools, "--self-contained", "false"],
    start: (dir) => ["dotnet", ["exec", path.join(dir, "FailoverOrchestrator.dll")]],
  },
  bootstrap: {
    dir: path.join(root, "artifacts/bench-lambda/bootstrap"),
    drill: "bootstrap",
    publish: ["publish", "src/FailoverOrchestrator.Bootstrap", ...tools],
    start: (dir) => [path.join(dir, "bootstrap"), []],
  },
  // The same bootstrap project compiled ahead of time (ILCompiler; links with the machine's gcc or clang and zlib);
  // its intermediate files are kept apart so the JIT builds need no rebuild after it.
  aot: {
    dir: path.join(root, "artifacts/bench-lambda/aot"),
    drill: "aot",
    publish: ["publish", "src/FailoverOrchestrator.Bootstrap", "/p:PublishAot=true", ...tools, "/p:StripSymbols=true", "--artifacts-path", path.join(root, "artifacts/bench-lambda-build")],
    start: (dir) => [path.join(dir, "bootstrap"), []],
  },
};
for (const build of Object.values(builds)) {
  rmSync(build.dir, { recursive: true, force: true });
  execFileSync("dotnet", [...build.publish, "-o", build.dir, "-v", "q", "-nologo"], { cwd: root, stdio: "inherit" });
}
// The drill, built once (Release) and run as a program: `dotnet run` would check the build on every run.
const cli = path.join(root, "artifacts/bench-cli");
execFileSync("dotnet", ["build", "src/FailoverOrchestrator.Cli", "-c", "Release", "-o", cli, "-v", "q", "-nologo"], { cwd: root, stdio: "inherit" });

/** Peak resident memory of a running process in MB (VmHWM), or NaN. */
function peakMb(pid) {
  try {
    const line = readFileSync(`/proc/${pid}/status`, "utf8").split("\n").find((l) => l.startsWith("VmHWM:"));
    return line ? Number(line.split(/\s+/)[1]) / 1024 : NaN;
  } catch { return NaN; }
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
          const peak = peakMb(child.pid);
          child.kill("SIGKILL");
          server.close();
          if (!body.includes('"Ignored"')) reject(new Error(`unexpected response ${body}`));
          else setTimeout(() => {
            const cold = stdout.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l)).find((l) => l.eventId === 1);
            resolve({ toNextMs: Number(firstNext - started) / 1e6, firstInvokeMs: Number(responded - firstNext) / 1e6, handlerInitMs: Number(cold?.initMs ?? NaN), peakMb: peak });
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

/** The first failover of a fresh function process: one region-outage drill with this build, its figures from the function. */
function firstFailover(build) {
  const out = execFileSync("dotnet", [path.join(cli, "FailoverOrchestrator.Cli.dll"), "drill", "--scenario", "region-outage", "--runtime", build.drill, "--task-root", build.dir, "--json"],
    { cwd: root, env: { ...process.env, AWS_EC2_METADATA_DISABLED: "true" }, stdio: ["ignore", "pipe", "ignore"], maxBuffer: 64 * 1024 * 1024 }).toString();
  const scenario = JSON.parse(out).scenarios[0];
  if (!scenario.passed) throw new Error(`the region-outage drill failed with ${build.drill}`);
  const owner = scenario.invocations.find((i) => i.outcome === "FailedOver");
  return { overheadMs: owner.metrics.OverheadTime, orchestrationMs: owner.metrics.OrchestrationTime, awsWaitMs: owner.metrics.AwsWaitTime, peakMb: scenario.functionPeakMemoryMb };
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const results = {}, failovers = {};
for (const name of Object.keys(builds)) { results[name] = []; failovers[name] = []; }
// Interleaved, so every build meets the same machine load.
for (let i = 0; i < runs; i++) for (const [name, build] of Object.entries(builds)) results[name].push(await coldStart(build));
for (let i = 0; i < runs; i++) for (const [name, build] of Object.entries(builds)) failovers[name].push(firstFailover(build));

const cell = (xs, digits = 0) => `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}-${Math.max(...xs).toFixed(digits)})`;
const labels = { managed: "managed (dotnet exec)", bootstrap: "self-contained bootstrap", aot: "Native AOT bootstrap" };
console.log(`\nMedian (min-max) of ${runs} runs each. Aims with AOT: < 50 ms to first /next, < 10 ms first invocation; < 50 ms overhead in the first failover; < 64 MB peak.\n`);
console.log("| build | start -> first /next (ms) | first invocation, no AWS call (ms) | handler init (ms) | peak memory, no AWS call (MB) | first failover: overhead (ms) | first failover: orchestration (ms) | peak memory after the failover (MB) |");
console.log("|---|---|---|---|---|---|---|---|");
for (const name of Object.keys(builds)) {
  const c = results[name], f = failovers[name];
  console.log(`| ${labels[name]} | ${cell(c.map((x) => x.toNextMs))} | ${cell(c.map((x) => x.firstInvokeMs), 1)} | ${cell(c.map((x) => x.handlerInitMs))} | ${cell(c.map((x) => x.peakMb))} | ${cell(f.map((x) => x.overheadMs))} | ${cell(f.map((x) => x.orchestrationMs))} | ${cell(f.map((x) => x.peakMb))} |`);
}
console.log("\n" + JSON.stringify({
  runs,
  coldStart: Object.fromEntries(Object.entries(results).map(([k, xs]) => [k, { toNextMs: xs.map((x) => Math.round(x.toNextMs)), firstInvokeMs: xs.map((x) => +x.firstInvokeMs.toFixed(1)), handlerInitMs: xs.map((x) => x.handlerInitMs), peakMb: xs.map((x) => +x.peakMb.toFixed(1)) }])),
  firstFailover: failovers,
}));
