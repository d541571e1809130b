// Drives LocalCloud with the official AWS SDK for JavaScript v3 clients through every operation and error
// it serves, and prints one JSON report: {"checks":[{"name","ok","detail"}]}. A check fails when the SDK
// cannot parse a response or a field is missing or of the wrong type.
//
// LOCALCLOUD_WORLD (JSON) names the endpoint and what the test seeded. The test also arms, before this
// script starts, faults on the FIRST calls of some operations, so the fault checks run first and in order:
//   Route 53 GetHealthCheckStatus: Throttling, then ServiceUnavailable; ListResourceRecordSets: InternalFailure;
//   ChangeResourceRecordSets: PriorRequestNotComplete.
//   ECS DescribeServices: ThrottlingException, then InternalFailure; UpdateService: 300 ms latency.
//   SNS Publish: Throttling, then ServiceUnavailable.
import assert from "node:assert/strict";
import {
  Route53Client, ChangeResourceRecordSetsCommand, GetChangeCommand, ListResourceRecordSetsCommand, GetHealthCheckStatusCommand,
} from "@aws-sdk/client-route-53";
import { ECSClient, UpdateServiceCommand, DescribeServicesCommand } from "@aws-sdk/client-ecs";
import { SNSClient, PublishCommand } from "@aws-sdk/client-sns";
import {
  Route53RecoveryClusterClient, UpdateRoutingControlStatesCommand, GetRoutingControlStateCommand,
} from "@aws-sdk/client-route53-recovery-cluster";

const world = JSON.parse(process.env.LOCALCLOUD_WORLD ?? "{}");
const endpoint = world.endpoint.replace(/\/$/, "");
const common = {
  endpoint,
  credentials: { accessKeyId: "AKIDLOCALCLOUD", secretAccessKey: "local-cloud-secret" },
  maxAttempts: 1,
};
const route53 = new Route53Client({ ...common, region: "us-east-1" });
const ecs = new ECSClient({ ...common, region: world.ecsRegion });
const ecsPrimary = new ECSClient({ ...common, region: world.ecsPrimaryRegion });
const sns = new SNSClient({ ...common, region: world.snsRegion });

const checks = [];
async function check(name, body) {
  try {
    const detail = await body();
    checks.push({ name, ok: true, detail: detail ?? "" });
  } catch (e) {
    checks.push({ name, ok: false, detail: `${e?.name ?? "Error"}: ${e?.message ?? e}` });
  }
}

function assertOk(output) {
  assert.equal(output.$metadata.httpStatusCode, 200, "httpStatusCode");
  assert.equal(typeof output.$metadata.requestId, "string", "$metadata.requestId (x-amzn-RequestId)");
}

async function expectError(promise, name, status) {
  try {
    await promise;
  } catch (e) {
    assert.equal(e.name, name, `error name (message: ${e.message})`);
    assert.equal(e.$metadata?.httpStatusCode, status, "httpStatusCode");
    assert.equal(typeof e.$metadata?.requestId, "string", "$metadata.requestId");
    assert.ok(typeof e.message === "string" && e.message.length > 0, "message");
    return e;
  }
  assert.fail(`expected ${name}, the call succeeded`);
}

const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const alias = (name, dnsName) => ({
  Name: name, Type: "A",
  AliasTarget: { HostedZoneId: world.albZoneId, DNSName: dnsName, EvaluateTargetHealth: true },
});
const change = (zoneId, ...changes) =>
  route53.send(new ChangeResourceRecordSetsCommand({ HostedZoneId: zoneId, ChangeBatch: { Comment: "conformance", Changes: changes } }));
const listOne = (name, type) =>
  route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: world.zoneId, StartRecordName: name, StartRecordType: type, MaxItems: 1 }));

// ---- faults first: they are armed on the first calls of their operations ----
await check("Route53.Throttling", async () => {
  await expectError(route53.send(new GetHealthCheckStatusCommand({ HealthCheckId: world.healthyCheckId })), "Throttling", 400);
});
await check("Route53.ServiceUnavailable", async () => {
  await expectError(route53.send(new GetHealthCheckStatusCommand({ HealthCheckId: world.healthyCheckId })), "ServiceUnavailable", 503);
});
await check("Route53.InternalFailure", async () => {
  await expectError(listOne(world.recordName, "A"), "InternalFailure", 500);
});
await check("Route53.PriorRequestNotComplete", async () => {
  await expectError(change(world.zoneId, { Action: "UPSERT", ResourceRecordSet: alias(world.recordName, world.standbyAlb) }), "PriorRequestNotComplete", 400);
});
await check("Ecs.ThrottlingException", async () => {
  await expectError(ecs.send(new DescribeServicesCommand({ cluster: world.cluster, services: [world.service] })), "ThrottlingException", 400);
});
await check("Ecs.InternalFailure", async () => {
  await expectError(ecs.send(new DescribeServicesCommand({ cluster: world.cluster, services: [world.service] })), "InternalFailure", 500);
});
await check("Sns.Throttling", async () => {
  await expectError(sns.send(new PublishCommand({ TopicArn: world.topicArn, Message: "m" })), "Throttling", 400);
});
await check("Sns.ServiceUnavailable", async () => {
  await expectError(sns.send(new PublishCommand({ TopicArn: world.topicArn, Message: "m" })), "ServiceUnavailable", 503);
});
await check("Ecs.Latency", async () => {
  const started = Date.now();
  const output = await ecs.send(new UpdateServiceCommand({ cluster: world.cluster, service: world.service, desiredCount: 0 }));
  assertOk(output);
  const elapsed = Date.now() - started;
  assert.ok(elapsed >= 280, `took ${elapsed} ms, expected the armed 300 ms`);
  return `${elapsed} ms`;
});

// ---- Route 53 ----
let submitted;
await check("Route53.ChangeResourceRecordSets.Upsert", async () => {
  const output = await change(world.zoneId, { Action: "UPSERT", ResourceRecordSet: alias(world.recordName, world.standbyAlb) });
  assertOk(output);
  const info = output.ChangeInfo;
  assert.match(info.Id, /^\/change\/C[A-Z0-9]+$/, "ChangeInfo.Id");
  assert.equal(info.Status, "PENDING", "ChangeInfo.Status");
  assert.ok(info.SubmittedAt instanceof Date && !isNaN(info.SubmittedAt), "ChangeInfo.SubmittedAt is a Date");
  assert.equal(info.Comment, "conformance", "ChangeInfo.Comment");
  submitted = info;
  return info.Id;
});
await check("Route53.GetChange.Pending", async () => {
  const output = await route53.send(new GetChangeCommand({ Id: submitted.Id }));
  assertOk(output);
  assert.equal(output.ChangeInfo.Id, submitted.Id, "ChangeInfo.Id");
  assert.equal(output.ChangeInfo.Status, "PENDING", "ChangeInfo.Status");
  assert.ok(output.ChangeInfo.SubmittedAt instanceof Date, "ChangeInfo.SubmittedAt is a Date");
});
await check("Route53.GetChange.InSync", async () => {
  const started = Date.now();
  for (;;) {
    const output = await route53.send(new GetChangeCommand({ Id: submitted.Id }));
    if (output.ChangeInfo.Status === "INSYNC") return `INSYNC after ${Date.now() - started} ms`;
    assert.equal(output.ChangeInfo.Status, "PENDING", "ChangeInfo.Status");
    assert.ok(Date.now() - started < 15000, "still PENDING after 15 s");
    await sleep(200);
  }
});
await check("Route53.ListResourceRecordSets", async () => {
  const output = await listOne(world.recordName, "A");
  assertOk(output);
  assert.equal(output.ResourceRecordSets.length, 1, "one record set");
  const record = output.ResourceRecordSets[0];
  assert.equal(record.Name, world.recordName, "Name");
  assert.equal(record.Type, "A", "Type");
  assert.equal(record.TTL, undefined, "an alias has no TTL");
  assert.equal(record.AliasTarget.DNSName, world.standbyAlb, "AliasTarget.DNSName");
  assert.equal(record.AliasTarget.HostedZoneId, world.albZoneId, "AliasTarget.HostedZoneId");
  assert.equal(record.AliasTarget.EvaluateTargetHealth, true, "AliasTarget.EvaluateTargetHealth is a boolean");
  assert.equal(typeof output.IsTruncated, "boolean", "IsTruncated is a boolean");
  assert.equal(String(output.MaxItems), "1", "MaxItems");
});
await check("Route53.ListResourceRecordSets.Paged", async () => {
  const first = await route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: world.zoneId, MaxItems: 1 }));
  assertOk(first);
  assert.equal(first.IsTruncated, true, "IsTruncated");
  assert.equal(first.ResourceRecordSets[0].Name, world.zoneName, "the apex comes first");
  assert.equal(typeof first.NextRecordName, "string", "NextRecordName");
  assert.equal(typeof first.NextRecordType, "string", "NextRecordType");
  const plain = first.ResourceRecordSets[0];
  assert.equal(typeof plain.TTL, "number", "TTL is a number");
  assert.equal(typeof plain.ResourceRecords[0].Value, "string", "ResourceRecords[].Value");
  const all = await route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: world.zoneId }));
  assert.equal(all.IsTruncated, false, "IsTruncated of the whole list");
  return all.ResourceRecordSets.map(r => `${r.Name}/${r.Type}`).join(" ");
});
await check("Route53.ChangeResourceRecordSets.DeleteCreate", async () => {
  const output = await change(world.zoneId,
    { Action: "DELETE", ResourceRecordSet: alias(world.recordName, world.standbyAlb) },
    { Action: "CREATE", ResourceRecordSet: alias(world.recordName, world.primaryAlb) });
  assertOk(output);
  assert.equal(output.ChangeInfo.Status, "PENDING");
  const listed = await listOne(world.recordName, "A");
  assert.equal(listed.ResourceRecordSets[0].AliasTarget.DNSName, world.primaryAlb, "the record points at the new target");
});

async function invalidChangeBatch(expected, ...changes) {
  const error = await expectError(change(world.zoneId, ...changes), "InvalidChangeBatch", 400);
  assert.ok(error.message.includes(expected), `message ${JSON.stringify(error.message)} should include ${JSON.stringify(expected)}`);
  const listed = [error.Messages?.Message ?? []].flat();
  assert.ok(listed.some(m => m.includes(expected)), `Messages/Message ${JSON.stringify(listed)} should list it`);
  return error.message;
}
// Route 53 refuses an alias with a TTL (and a plain record without one) as InvalidInput, not InvalidChangeBatch.
await check("Route53.InvalidInput.AliasWithTtl", async () => {
  const error = await expectError(change(world.zoneId,
    { Action: "UPSERT", ResourceRecordSet: { ...alias(world.recordName, world.standbyAlb), TTL: 60 } }), "InvalidInput", 400);
  const expected = "Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], or TrafficPolicyInstanceId], "
    + `but found more than one in Change with [Action=UPSERT, Name=${world.recordName}, Type=A, SetIdentifier=null]`;
  assert.equal(error.message, expected, "message");
  return error.message;
});
await check("Route53.InvalidInput.PlainWithoutTtl", async () => {
  const error = await expectError(change(world.zoneId,
    { Action: "UPSERT", ResourceRecordSet: { Name: world.recordName, Type: "A", ResourceRecords: [{ Value: "192.0.2.1" }] } }), "InvalidInput", 400);
  assert.ok(error.message.includes("but found none in Change"), "message");
});
await check("Route53.InvalidChangeBatch.CnameAtApex", () =>
  invalidChangeBatch(`RRSet of type CNAME with DNS name ${world.zoneName} is not permitted at apex in zone ${world.zoneName}`,
    { Action: "UPSERT", ResourceRecordSet: { Name: world.zoneName, Type: "CNAME", TTL: 60, ResourceRecords: [{ Value: world.standbyAlb }] } }));
await check("Route53.InvalidChangeBatch.DeleteMismatch", () =>
  invalidChangeBatch(`Tried to delete resource record set [name='${world.recordName}', type='A'] but the values provided do not match the current values`,
    { Action: "DELETE", ResourceRecordSet: alias(world.recordName, world.standbyAlb) }));
await check("Route53.InvalidChangeBatch.DeleteMissing", () =>
  invalidChangeBatch(`Tried to delete resource record set [name='missing.${world.zoneName}', type='A'] but it was not found`,
    { Action: "DELETE", ResourceRecordSet: alias(`missing.${world.zoneName}`, world.standbyAlb) }));
await check("Route53.InvalidChangeBatch.CreateExisting", () =>
  invalidChangeBatch(`Tried to create resource record set [name='${world.recordName}', type='A'] but it already exists`,
    { Action: "CREATE", ResourceRecordSet: alias(world.recordName, world.standbyAlb) }));
await check("Route53.InvalidChangeBatch.AllOrNothing", async () => {
  const extra = `extra.${world.zoneName}`;
  const message = await invalidChangeBatch("but it already exists",
    { Action: "CREATE", ResourceRecordSet: { Name: extra, Type: "TXT", TTL: 60, ResourceRecords: [{ Value: "\"x\"" }] } },
    { Action: "CREATE", ResourceRecordSet: alias(world.recordName, world.standbyAlb) });
  const listed = await listOne(extra, "TXT");
  assert.ok(listed.ResourceRecordSets.every(r => r.Name !== extra), "the valid change of a refused batch was applied");
  return message;
});
await check("Route53.InvalidChangeBatch.EveryMessage", async () => {
  const error = await expectError(change(world.zoneId,
    { Action: "CREATE", ResourceRecordSet: alias(world.recordName, world.standbyAlb) },
    { Action: "UPSERT", ResourceRecordSet: { Name: world.zoneName, Type: "CNAME", TTL: 60, ResourceRecords: [{ Value: world.standbyAlb }] } }),
  "InvalidChangeBatch", 400);
  const listed = [error.Messages?.Message ?? []].flat();
  assert.equal(listed.length, 2, `two messages in ${JSON.stringify(listed)}`);
  return listed.join(" | ");
});
await check("Route53.NoSuchHostedZone", async () => {
  await expectError(change("ZNOSUCHZONE000", { Action: "UPSERT", ResourceRecordSet: alias(world.recordName, world.standbyAlb) }), "NoSuchHostedZone", 404);
  await expectError(route53.send(new ListResourceRecordSetsCommand({ HostedZoneId: "ZNOSUCHZONE000" })), "NoSuchHostedZone", 404);
});
await check("Route53.InvalidInput", async () => {
  await expectError(change(world.zoneId, { Action: "REPLACE", ResourceRecordSet: alias(world.recordName, world.standbyAlb) }), "InvalidInput", 400);
});
await check("Route53.NoSuchChange", async () => {
  await expectError(route53.send(new GetChangeCommand({ Id: "/change/CNOSUCHCHANGE0" })), "NoSuchChange", 404);
});
async function healthCheck(id, prefix) {
  const output = await route53.send(new GetHealthCheckStatusCommand({ HealthCheckId: id }));
  assertOk(output);
  const observations = output.HealthCheckObservations;
  assert.ok(observations.length >= 3, "at least 3 checker regions");
  for (const o of observations) {
    assert.equal(typeof o.Region, "string", "Region");
    assert.match(o.IPAddress, /^\d+\.\d+\.\d+\.\d+$/, "IPAddress");
    assert.ok(o.StatusReport.Status.startsWith(prefix), `StatusReport.Status ${o.StatusReport.Status}`);
    assert.ok(o.StatusReport.CheckedTime instanceof Date, "StatusReport.CheckedTime is a Date");
  }
  return `${observations.length} checkers: ${observations[0].StatusReport.Status}`;
}
await check("Route53.GetHealthCheckStatus.Healthy", () => healthCheck(world.healthyCheckId, "Success: HTTP Status Code 200, OK"));
await check("Route53.GetHealthCheckStatus.Unhealthy", () => healthCheck(world.unhealthyCheckId, "Failure: "));
await check("Route53.NoSuchHealthCheck", async () => {
  await expectError(route53.send(new GetHealthCheckStatusCommand({ HealthCheckId: "00000000-0000-0000-0000-000000000000" })), "NoSuchHealthCheck", 404);
});

// ---- ECS ----
function assertService(service, desired) {
  assert.equal(service.serviceName, world.service, "serviceName");
  assert.match(service.serviceArn, /^arn:aws:ecs:[a-z0-9-]+:\d{12}:service\//, "serviceArn");
  assert.match(service.clusterArn, /^arn:aws:ecs:[a-z0-9-]+:\d{12}:cluster\//, "clusterArn");
  assert.equal(service.status, "ACTIVE", "status");
  assert.equal(service.desiredCount, desired, "desiredCount");
  assert.equal(typeof service.runningCount, "number", "runningCount");
  assert.equal(typeof service.pendingCount, "number", "pendingCount");
  assert.ok(service.createdAt instanceof Date, "createdAt is a Date");
  assert.equal(service.deployments[0].status, "PRIMARY", "deployments[0].status");
  assert.ok(service.deployments[0].updatedAt instanceof Date, "deployments[0].updatedAt is a Date");
}
await check("Ecs.UpdateService", async () => {
  const output = await ecs.send(new UpdateServiceCommand({ cluster: world.cluster, service: world.service, desiredCount: world.desiredCount }));
  assertOk(output);
  assertService(output.service, world.desiredCount);
  assert.ok(output.service.runningCount < world.desiredCount, "tasks take time to start");
  return `running ${output.service.runningCount} of ${output.service.desiredCount}`;
});
await check("Ecs.DescribeServices.Converging", async () => {
  const started = Date.now();
  const seen = [];
  for (;;) {
    const output = await ecs.send(new DescribeServicesCommand({ cluster: world.cluster, services: [world.service] }));
    assertOk(output);
    assert.deepEqual(output.failures, [], "failures");
    assertService(output.services[0], world.desiredCount);
    const running = output.services[0].runningCount;
    if (seen.at(-1) !== running) seen.push(running);
    if (running === world.desiredCount) return `running counts seen: ${seen.join(" ")}`;
    assert.ok(Date.now() - started < 15000, "running count did not converge in 15 s");
    await sleep(100);
  }
});
await check("Ecs.DescribeServices.Missing", async () => {
  const output = await ecs.send(new DescribeServicesCommand({ cluster: world.cluster, services: [world.service, "no-such-service"] }));
  assertOk(output);
  assert.equal(output.services.length, 1, "services");
  assert.equal(output.failures.length, 1, "failures");
  assert.equal(output.failures[0].reason, "MISSING", "failures[0].reason");
  assert.match(output.failures[0].arn, /service\/.*no-such-service$/, "failures[0].arn");
});
await check("Ecs.RegionalState", async () => {
  const output = await ecsPrimary.send(new DescribeServicesCommand({ cluster: world.cluster, services: [world.service] }));
  assert.equal(output.services[0].desiredCount, world.primaryDesiredCount, "the other region's service is unchanged");
  assert.ok(output.services[0].serviceArn.includes(`:${world.ecsPrimaryRegion}:`), "serviceArn names its region");
});
await check("Ecs.ServiceNotFoundException", async () => {
  await expectError(ecs.send(new UpdateServiceCommand({ cluster: world.cluster, service: "no-such-service", desiredCount: 1 })), "ServiceNotFoundException", 400);
});
await check("Ecs.ClusterNotFoundException", async () => {
  await expectError(ecs.send(new UpdateServiceCommand({ cluster: "no-such-cluster", service: world.service, desiredCount: 1 })), "ClusterNotFoundException", 400);
  await expectError(ecs.send(new DescribeServicesCommand({ cluster: "no-such-cluster", services: [world.service] })), "ClusterNotFoundException", 400);
});
await check("Ecs.InvalidParameterException", async () => {
  await expectError(ecs.send(new UpdateServiceCommand({ cluster: world.cluster, service: world.service, desiredCount: -1 })), "InvalidParameterException", 400);
  await expectError(ecs.send(new DescribeServicesCommand({ cluster: world.cluster, services: [] })), "InvalidParameterException", 400);
});

// ---- SNS ----
await check("Sns.Publish", async () => {
  const output = await sns.send(new PublishCommand({
    TopicArn: world.topicArn, Subject: world.subject, Message: world.message,
    MessageAttributes: { kind: { DataType: "String", StringValue: "failover" } },
  }));
  assertOk(output);
  assert.match(output.MessageId, /^[0-9a-f-]{36}$/, "MessageId");
  return output.MessageId;
});
await check("Sns.NotFound", async () => {
  await expectError(sns.send(new PublishCommand({ TopicArn: world.topicArn + "-missing", Message: "m" })), "NotFoundException", 404);
});
await check("Sns.InvalidParameter.SubjectTooLong", async () => {
  await expectError(sns.send(new PublishCommand({ TopicArn: world.topicArn, Subject: "s".repeat(101), Message: "m" })), "InvalidParameterException", 400);
});
await check("Sns.InvalidParameter.SubjectNonPrintable", async () => {
  await expectError(sns.send(new PublishCommand({ TopicArn: world.topicArn, Subject: "line\nbreak", Message: "m" })), "InvalidParameterException", 400);
});
await check("Sns.InvalidParameter.EmptyMessage", async () => {
  await expectError(sns.send(new PublishCommand({ TopicArn: world.topicArn, Message: "" })), "InvalidParameterException", 400);
});

await check("Concurrency.ParallelCalls", async () => {
  const calls = [];
  for (let i = 0; i < 20; i++) {
    calls.push(ecs.send(new DescribeServicesCommand({ cluster: world.cluster, services: [world.service] })));
    calls.push(route53.send(new GetChangeCommand({ Id: submitted.Id })));
    calls.push(sns.send(new PublishCommand({ TopicArn: world.topicArn + "-missing", Message: "m" })).catch(e => e));
  }
  const answers = await Promise.all(calls);
  assert.equal(answers.filter(a => a.$metadata?.httpStatusCode === 200).length, 40, "40 answers of 200");
  assert.equal(answers.filter(a => a.name === "NotFoundException").length, 20, "20 NotFound");
  return `${answers.length} parallel calls`;
});

// ---- authentication, on the raw wire (the SDK always signs) ----
async function raw(headers, body) {
  const response = await fetch(endpoint + "/", { method: "POST", headers, body });
  return { status: response.status, text: await response.text(), requestId: response.headers.get("x-amzn-requestid") };
}
const ecsTarget = { "content-type": "application/x-amz-json-1.1", "x-amz-target": "AmazonEC2ContainerServiceV20141113.DescribeServices" };
const snsForm = { "content-type": "application/x-www-form-urlencoded" };
await check("Auth.MissingAuthenticationToken", async () => {
  const json = await raw(ecsTarget, "{}");
  assert.equal(json.status, 400, "ECS status");
  assert.match(JSON.parse(json.text).__type, /#MissingAuthenticationTokenException$/, "ECS __type");
  const xml = await raw(snsForm, "Action=Publish&Version=2010-03-31");
  assert.equal(xml.status, 403, "SNS status");
  assert.match(xml.text, /<Code>MissingAuthenticationToken<\/Code>/, "SNS code");
  assert.equal(typeof xml.requestId, "string", "x-amzn-RequestId");
});
await check("Auth.IncompleteSignature", async () => {
  const xml = await raw({ ...snsForm, authorization: "Bearer nothing" }, "Action=Publish&Version=2010-03-31");
  assert.equal(xml.status, 403, "SNS status");
  assert.match(xml.text, /<Code>IncompleteSignature<\/Code>/, "SNS code");
});
await check("Raw.Route53MalformedXml", async () => {
  const response = await fetch(`${endpoint}/2013-04-01/hostedzone/${world.zoneId}/rrset`, {
    method: "POST",
    headers: {
      "content-type": "application/xml",
      authorization: "AWS4-HMAC-SHA256 Credential=AKIDLOCALCLOUD/20240101/us-east-1/route53/aws4_request, SignedHeaders=host, Signature=00",
    },
    body: "<ChangeResourceRecordSetsRequest",
  });
  assert.equal(response.status, 400, "status");
  assert.match(await response.text(), /<Code>InvalidInput<\/Code>/, "code");
});

// ---- Route 53 ARC cluster: five endpoints, each signed for its own region; one is down ----
const arcWorld = world.arc;
const arcClient = (e, region) => new Route53RecoveryClusterClient({ ...common, endpoint: e.endpoint, region: region ?? e.region });
const upEndpoints = arcWorld.endpoints.filter(e => e.up);
const downEndpoint = arcWorld.endpoints.find(e => !e.up);
const arcState = async (e, arn) => (await arcClient(e).send(new GetRoutingControlStateCommand({ RoutingControlArn: arn }))).RoutingControlState;
await check("Arc.UpdateRoutingControlStates", async () => {
  const output = await arcClient(upEndpoints[0]).send(new UpdateRoutingControlStatesCommand({
    UpdateRoutingControlStateEntries: [
      { RoutingControlArn: arcWorld.standbyControl, RoutingControlState: "On" },
      { RoutingControlArn: arcWorld.primaryControl, RoutingControlState: "Off" },
    ],
  }));
  assertOk(output);
});
await check("Arc.GetRoutingControlState.EveryEndpoint", async () => {
  // One cluster behind every endpoint: each answers the state the update above set.
  for (const e of upEndpoints) {
    const output = await arcClient(e).send(new GetRoutingControlStateCommand({ RoutingControlArn: arcWorld.standbyControl }));
    assertOk(output);
    assert.equal(output.RoutingControlState, "On", `state at ${e.region}`);
    assert.equal(output.RoutingControlArn, arcWorld.standbyControl, "RoutingControlArn");
    assert.equal(typeof output.RoutingControlName, "string", "RoutingControlName");
  }
  assert.equal(await arcState(upEndpoints[1], arcWorld.primaryControl), "Off", "primary control");
  return `${upEndpoints.length} endpoints`;
});
await check("Arc.SafetyRule.ConflictException", async () => {
  const e = await expectError(arcClient(upEndpoints[1]).send(new UpdateRoutingControlStatesCommand({
    UpdateRoutingControlStateEntries: [{ RoutingControlArn: arcWorld.standbyControl, RoutingControlState: "Off" }],
  })), "ConflictException", 409);
  assert.equal(e.resourceType, "SafetyRule", "resourceType");
  assert.equal(e.resourceId, arcWorld.ruleArn, "resourceId");
  assert.match(e.message, new RegExp(arcWorld.ruleName), "message names the rule");
  // Refused as a whole: nothing changed.
  assert.equal(await arcState(upEndpoints[2], arcWorld.standbyControl), "On", "standby control after the refusal");
});
await check("Arc.ResourceNotFoundException", async () => {
  const e = await expectError(arcClient(upEndpoints[0]).send(new GetRoutingControlStateCommand({ RoutingControlArn: `${arcWorld.standbyControl}0` })), "ResourceNotFoundException", 404);
  assert.equal(e.resourceType, "RoutingControl", "resourceType");
});
await check("Arc.ValidationException", async () => {
  await expectError(arcClient(upEndpoints[0]).send(new UpdateRoutingControlStatesCommand({
    UpdateRoutingControlStateEntries: [{ RoutingControlArn: arcWorld.standbyControl, RoutingControlState: "ON" }],
  })), "ValidationException", 400);
});
await check("Arc.WrongSigningRegion", async () => {
  const other = upEndpoints.find(e => e.region !== upEndpoints[0].region).region;
  await expectError(arcClient(upEndpoints[0], other).send(new GetRoutingControlStateCommand({ RoutingControlArn: arcWorld.standbyControl })), "InvalidSignatureException", 403);
});
await check("Arc.EndpointDown.ConnectionRefused", async () => {
  try {
    await arcClient(downEndpoint).send(new GetRoutingControlStateCommand({ RoutingControlArn: arcWorld.standbyControl }));
  } catch (e) {
    assert.equal(e.code ?? e.cause?.code, "ECONNREFUSED", `error ${e.name}: ${e.message}`);
    return `${downEndpoint.region}: ${e.code}`;
  }
  assert.fail("the call to the endpoint taken down succeeded");
});

process.stdout.write(JSON.stringify({ checks }) + "\n");
