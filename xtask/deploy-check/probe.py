"""Checks deployed stacks on LocalStack and exercises their REST APIs over HTTP.

Run by ``cargo xtask deploy-check`` with the LocalStack venv's Python (boto3 comes with
LocalStack): ``probe.py [--expect-body-contains PATH=TEXT]... STACK...``.

- every stack (and nested stack) is CREATE_COMPLETE or UPDATE_COMPLETE, every resource *_COMPLETE;
- every method of every REST API of the stacks is called through
  ``http://127.0.0.1:4566/restapis/<id>/<stage>/_user_request_/<path>``:
  a MOCK method answers the status (and static body) of its selected integration response, or
  500 when none matches;
  a method with ``apiKeyRequired`` answers 403 without a key (and its normal answer with the key
  of its usage plan); an OPTIONS preflight answers with ``Access-Control-Allow-Origin``;
  other methods (Lambda, HTTP, AWS integrations, authorizers) are called and reported only.

Prints one line per check (``ok``, ``FAIL``, ``info``) and exits 1 when a check failed.
"""

import argparse
import json
import re
import sys
import urllib.error
import urllib.request

import boto3

ENDPOINT = "http://127.0.0.1:4566"
failures = []


def client(service):
    return boto3.client(
        service,
        endpoint_url=ENDPOINT,
        region_name="us-east-1",
        aws_access_key_id="test",
        aws_secret_access_key="test",
    )


cfn = client("cloudformation")
apigw = client("apigateway")


def check(ok, message):
    print(("ok   " if ok else "FAIL ") + message, flush=True)
    if not ok:
        failures.append(message)


def info(message):
    print("info " + message, flush=True)


def stack_resources(stack):
    resources, token = [], None
    while True:
        kwargs = {"StackName": stack}
        if token:
            kwargs["NextToken"] = token
        page = cfn.list_stack_resources(**kwargs)
        resources += page["StackResourceSummaries"]
        token = page.get("NextToken")
        if not token:
            return resources


def check_stack(stack, label, apis):
    status = cfn.describe_stacks(StackName=stack)["Stacks"][0]["StackStatus"]
    check(status in ("CREATE_COMPLETE", "UPDATE_COMPLETE"), f"stack {label}: {status}")
    for r in stack_resources(stack):
        if not r["ResourceStatus"].endswith("_COMPLETE") or "ROLLBACK" in r["ResourceStatus"]:
            check(False, f"  {label}/{r['LogicalResourceId']} ({r['ResourceType']}): {r['ResourceStatus']}")
        if r["ResourceType"] == "AWS::CloudFormation::Stack":
            check_stack(r["PhysicalResourceId"], f"{label}/{r['LogicalResourceId']}", apis)
        elif r["ResourceType"] == "AWS::ApiGateway::RestApi":
            apis.append((label, r["LogicalResourceId"], r["PhysicalResourceId"]))


def call(url, verb, headers):
    req = urllib.request.Request(url, method=verb, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, dict(resp.headers), resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode("utf-8", "replace")


def concrete_path(path):
    path = re.sub(r"\{[^}]+\+\}", "a/b", path)
    return re.sub(r"\{[^}]+\}", "1", path)


def selected_response(integration):
    """The integration response a MOCK integration selects, or None."""
    responses = integration.get("integrationResponses") or {}
    template = (integration.get("requestTemplates") or {}).get("application/json", "")
    m = re.search(r'"?statusCode"?\s*:\s*(\d+)', template or "")
    code = m.group(1) if m else "200"
    default = None
    for r in responses.values():
        pattern = r.get("selectionPattern")
        if pattern:
            if re.fullmatch(pattern, code):
                return r
        else:
            default = r
    return default


def same_body(expected, actual):
    try:
        return json.loads(expected) == json.loads(actual)
    except ValueError:
        return expected.strip() == actual.strip()


def api_key_values(api_id, stage):
    values = []
    for plan in apigw.get_usage_plans(limit=500).get("items", []):
        if any(s.get("apiId") == api_id and s.get("stage") == stage for s in plan.get("apiStages", [])):
            for k in apigw.get_usage_plan_keys(usagePlanId=plan["id"]).get("items", []):
                values.append(apigw.get_api_key(apiKey=k["id"], includeValue=True)["value"])
    return values


def exercise(label, api_id, expect_contains):
    stages = [s["stageName"] for s in apigw.get_stages(restApiId=api_id).get("item", [])]
    if not stages:
        info(f"api {label} ({api_id}): no stage, nothing to call")
        return
    resources = apigw.get_resources(restApiId=api_id, limit=500, embed=["methods"])["items"]
    for stage in stages:
        base = f"{ENDPOINT}/restapis/{api_id}/{stage}/_user_request_"
        info(f"api {label}: {base}/")
        keys = None
        for res in sorted(resources, key=lambda r: r["path"]):
            for verb in sorted(res.get("resourceMethods") or {}):
                method = apigw.get_method(restApiId=api_id, resourceId=res["id"], httpMethod=verb)
                integration = method.get("methodIntegration") or {}
                kind = integration.get("type", "?")
                path = concrete_path(res["path"])
                url = base + path
                send = "GET" if verb == "ANY" else verb
                what = f"{verb} {res['path']}"
                auth = method.get("authorizationType", "NONE")
                headers = {"Content-Type": "application/json"}
                if verb == "OPTIONS":
                    headers.update({"Origin": "https://example.com", "Access-Control-Request-Method": "GET"})
                selected = selected_response(integration) if kind == "MOCK" else None

                def expect_answer(status, hdrs, body, suffix=""):
                    if selected is None and kind == "MOCK":
                        # No integration response to select: API Gateway answers 500
                        # ("No match for output mapping and no default output mapping").
                        check(status == 500, f"{what}{suffix}: {status} (MOCK without a matching integration response: 500)")
                        return
                    if selected is None:
                        info(f"{what}{suffix}: {status} {body[:120]!r} ({kind}, auth {auth})")
                        return
                    want = int(selected["statusCode"])
                    template = (selected.get("responseTemplates") or {}).get("application/json")
                    if template and "$" not in template and "#" not in template:
                        check(status == want and same_body(template, body),
                              f"{what}{suffix}: {status} {body[:120]!r} (MOCK: {want} {template[:120]!r})")
                    else:
                        check(status == want, f"{what}{suffix}: {status} (MOCK: {want})")
                    params = selected.get("responseParameters") or {}
                    origin = params.get("method.response.header.Access-Control-Allow-Origin")
                    if origin:
                        got = {k.lower(): v for k, v in hdrs.items()}.get("access-control-allow-origin")
                        static = origin.strip("'") if origin.startswith("'") else None
                        check(got is not None and (static is None or got == static),
                              f"{what}{suffix}: Access-Control-Allow-Origin: {got} (want {static or 'any'})")

                if auth != "NONE":
                    status, _, body = call(url, send, headers)
                    info(f"{what}: {status} {body[:120]!r} (authorization {auth}, {kind})")
                    continue
                status, hdrs, body = call(url, send, headers)
                if method.get("apiKeyRequired"):
                    check(status == 403, f"{what} without API key: {status} {body[:80]!r} (want 403)")
                    if keys is None:
                        keys = api_key_values(api_id, stage)
                    if keys:
                        status, hdrs, body = call(url, send, dict(headers, **{"x-api-key": keys[0]}))
                        expect_answer(status, hdrs, body, " with API key")
                    else:
                        info(f"{what}: no API key of a usage plan of stage {stage}")
                else:
                    expect_answer(status, hdrs, body)
                for p, text in expect_contains:
                    if p == res["path"] and send == "GET":
                        check(text in body, f"{what}: body contains {text!r}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--expect-body-contains", action="append", default=[], metavar="PATH=TEXT")
    parser.add_argument("stacks", nargs="+")
    args = parser.parse_args()
    expect = [tuple(e.split("=", 1)) for e in args.expect_body_contains]
    apis = []
    for stack in args.stacks:
        check_stack(stack, stack, apis)
    for stack_label, logical_id, api_id in apis:
        exercise(f"{stack_label}/{logical_id}", api_id, expect)
    if not apis:
        info("no REST API in these stacks")
    print(f"probe: {len(failures)} failed check(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
