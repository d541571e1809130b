"""Creates the function stack's role and data resources in moto's CloudFormation and prints what moto made of them.

Usage: python3 create_stack.py TEMPLATE PARAMETERS_JSON. Parses the template with cfn-lint's decoder (it reads the
short-form tags), keeps the resource types moto 5.2.1 can create through CloudFormation, creates the stack in
us-west-2 under mock_aws (no network) and prints one JSON document: the stack status, the resources created, the
role's inline policy as IAM stores it, the tables' keys and TTL, the topic's key.
"""

import ast
import json
import os
import sys

os.environ.setdefault("AWS_ACCESS_KEY_ID", "testing")
os.environ.setdefault("AWS_SECRET_ACCESS_KEY", "testing")
os.environ["AWS_EC2_METADATA_DISABLED"] = "true"

import boto3  # noqa: E402
from cfnlint.decode import decode  # noqa: E402
from moto import mock_aws  # noqa: E402

# AWS::SQS::QueuePolicy is left out: moto 5.2.1 has no CloudFormation support for it (it warns and skips it).
KEEP = {"AWS::IAM::Role", "AWS::DynamoDB::Table", "AWS::SNS::Topic", "AWS::SQS::Queue", "AWS::KMS::Key", "AWS::Logs::LogGroup"}


def plain(node):
    if isinstance(node, dict):
        return {str(k): plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [plain(v) for v in node]
    return str(node) if isinstance(node, str) else node


def main():
    template, matches = decode(sys.argv[1])
    if template is None:
        print(json.dumps({"error": [str(m) for m in matches]}))
        return 2
    body = plain(template)
    body["Resources"] = {k: v for k, v in body["Resources"].items() if v["Type"] in KEEP}
    body["Outputs"] = {}
    parameters = json.loads(sys.argv[2])
    with mock_aws():
        cfn = boto3.client("cloudformation", region_name="us-west-2")
        cfn.create_stack(
            StackName="fo",
            TemplateBody=json.dumps(body),
            Capabilities=["CAPABILITY_IAM"],
            Parameters=[{"ParameterKey": k, "ParameterValue": v} for k, v in parameters.items()],
        )
        stack = cfn.describe_stacks(StackName="fo")["Stacks"][0]
        created = {r["LogicalResourceId"]: r["PhysicalResourceId"] for r in cfn.list_stack_resources(StackName="fo")["StackResourceSummaries"] if r["LogicalResourceId"]}
        policy = boto3.client("iam", region_name="us-west-2").get_role_policy(RoleName=created["FunctionRole"], PolicyName="failover")["PolicyDocument"]
        if isinstance(policy, str):
            policy = json.loads(policy) if policy.startswith('{"') else ast.literal_eval(policy)
        dynamodb = boto3.client("dynamodb", region_name="us-west-2")
        state = dynamodb.describe_table(TableName=created["StateTable"])["Table"]
        audit = dynamodb.describe_table(TableName=created["AuditTable"])["Table"]
        ttl = dynamodb.describe_time_to_live(TableName=created["AuditTable"])["TimeToLiveDescription"]
        topic = boto3.client("sns", region_name="us-west-2").get_topic_attributes(TopicArn=created["OnCallTopic"])["Attributes"]
        print(json.dumps({
            "status": stack["StackStatus"],
            "created": sorted(created),
            "statements": {s["Sid"]: s for s in policy["Statement"]},
            "stateTable": {"name": state["TableName"], "arn": state["TableArn"], "keys": state["KeySchema"]},
            "auditTable": {"name": audit["TableName"], "arn": audit["TableArn"], "keys": audit["KeySchema"], "ttl": ttl},
            "topicKey": topic.get("KmsMasterKeyId"),
        }, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
