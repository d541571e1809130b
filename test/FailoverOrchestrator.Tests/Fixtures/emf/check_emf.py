"""Validates Embedded Metric Format lines against AWS's published JSON schema and the specification's reference rules.

Usage: python3 check_emf.py SCHEMA LINES_FILE
The schema is the one printed in "Specification: Embedded metric format" (Amazon CloudWatch User Guide, section
"Embedded metric format example and JSON schema"). The schema cannot express the references between the directive and
the root node, so the rules the specification states in prose are checked here too. Exit 0 when every line is valid.
"""
import json
import sys

import jsonschema


def no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    dupes = {k for k in keys if keys.count(k) > 1}
    if dupes:
        raise ValueError(f"duplicate keys {sorted(dupes)}")
    return dict(pairs)


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def check(schema, line):
    doc = json.loads(line, object_pairs_hook=no_duplicates)
    jsonschema.Draft7Validator(schema).validate(doc)
    problems = []
    for directive in doc["_aws"]["CloudWatchMetrics"]:
        if len(directive["Metrics"]) > 100:
            problems.append("more than 100 MetricDefinitions")
        for dimension_set in directive["Dimensions"]:
            for key in dimension_set:
                if not isinstance(doc.get(key), str):
                    problems.append(f"dimension {key!r} is not a string member of the root node")
        for metric in directive["Metrics"]:
            target = doc.get(metric["Name"])
            values = target if isinstance(target, list) else [target]
            if not values or len(values) > 100 or not all(is_number(v) for v in values):
                problems.append(f"metric {metric['Name']!r} is not a number (or up to 100 numbers) on the root node")
    return problems


def main():
    schema = json.load(open(sys.argv[1], encoding="utf-8"))
    failures = 0
    for number, line in enumerate(open(sys.argv[2], encoding="utf-8"), start=1):
        if not line.strip():
            continue
        try:
            problems = check(schema, line)
        except (ValueError, jsonschema.ValidationError) as error:
            problems = [str(error).splitlines()[0]]
        for problem in problems:
            failures += 1
            print(f"line {number}: {problem}")
    print(f"{failures} problem(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
