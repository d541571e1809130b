// Runs operations with the official AWS SDK for JavaScript v3 against a capture endpoint, with fixed
// credentials and a pinned clock, so that the requests it sends can be compared with ours.
// Usage: node wire-capture.mjs <plan.json>
//   plan: { endpoint, time (ISO 8601), credentials: { accessKeyId, secretAccessKey, sessionToken },
//           calls: [ { id, service: "route53"|"ecs"|"sns"|"route53-recovery-cluster", region, operation, input, endpoint? } ],
//           stripBeforeSigning?: [ header names ] }
//   stripBeforeSigning removes those headers just before the SDK signs, so that its own signer signs a
//   header set chosen by the caller (for comparing signatures over the same headers).
// Prints one JSON line per call: { id, ok, error? }.
import { readFile } from "node:fs/promises";
import * as route53 from "@aws-sdk/client-route-53";
import * as ecs from "@aws-sdk/client-ecs";
import * as sns from "@aws-sdk/client-sns";
import * as arc from "@aws-sdk/client-route53-recovery-cluster";

const plan = JSON.parse(await readFile(process.argv[2], "utf8"));
const pinned = Date.parse(plan.time);
if (Number.isNaN(pinned)) {
  throw new Error(`plan.time is not a date: ${plan.time}`);
}

// The signer reads the clock through Date; pin it so both sides sign with the same x-amz-date.
const RealDate = Date;
globalThis.Date = class extends RealDate {
  constructor(...args) {
    if (args.length === 0) {
      super(pinned);
    } else {
      super(...args);
    }
  }

  static now() {
    return pinned;
  }
};

const modules = { route53, ecs, sns, "route53-recovery-cluster": arc };
const clientNames = { route53: "Route53Client", ecs: "ECSClient", sns: "SNSClient", "route53-recovery-cluster": "Route53RecoveryClusterClient" };

for (const call of plan.calls) {
  const module = modules[call.service];
  const client = new module[clientNames[call.service]]({
    region: call.region,
    endpoint: call.endpoint ?? plan.endpoint,
    credentials: plan.credentials,
    maxAttempts: 1,
  });
  const strip = (plan.stripBeforeSigning ?? []).map((name) => name.toLowerCase());
  if (strip.length > 0) {
    client.middlewareStack.addRelativeTo(
      (next) => async (args) => {
        for (const name of Object.keys(args.request.headers)) {
          if (strip.includes(name.toLowerCase())) {
            delete args.request.headers[name];
          }
        }
        return next(args);
      },
      { relation: "before", toMiddleware: "httpSigningMiddleware", name: "stripHeadersBeforeSigning" },
    );
  }
  const command = new module[`${call.operation}Command`](call.input);
  try {
    await client.send(command);
    console.log(JSON.stringify({ id: call.id, ok: true }));
  } catch (error) {
    console.log(JSON.stringify({ id: call.id, ok: false, error: `${error.name}: ${error.message}` }));
  } finally {
    client.destroy();
  }
}
