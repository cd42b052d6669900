#!/usr/bin/env python3
"""Fills the token table through the admin API (bench/run.sh, BENCH_TOKENS): creates <count> tokens with POST
/mcp-ee/api/tokens over <connections> keep-alive connections, checking each answer is 201. Prints
"BULK created=<n> failed=<m> seconds=<s>" and, on failure, the first bad answer.
With "control" as fifth argument it sends the same requests with an owner no token may have (refused 400, as
expected), so the admin audit grows by as many entries while the token table does not: the control run that tells
a slower server after the fill from a larger token table.
Usage: fill_tokens.py <base url> <admin token> <count> [connections] [control]"""
import http.client
import sys
import threading
import time
import urllib.parse

base, admin, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
connections = int(sys.argv[4]) if len(sys.argv) > 4 else 8
control = len(sys.argv) > 5 and sys.argv[5] == "control"
expected = 400 if control else 201
owner = "" if control else "bulk"
url = urllib.parse.urlsplit(base)
lock = threading.Lock()
totals = {"created": 0, "failed": 0}
first_failure = []


def work(worker, share):
    connection = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    headers = {"Content-Type": "application/json", "Authorization": "Bearer " + admin}
    created = failed = 0
    for n in range(share):
        body = '{"name":"bulk-%d-%d","owner":"%s","permissions":["customers:read"]}' % (worker, n, owner)
        connection.request("POST", url.path.rstrip("/") + "/mcp-ee/api/tokens", body, headers)
        response = connection.getresponse()
        answer = response.read()
        if response.status == expected:
            created += 1
        else:
            failed += 1
            with lock:
                if not first_failure:
                    first_failure.append("HTTP %d: %s" % (response.status, answer[:300].decode("utf-8", "replace")))
    with lock:
        totals["created"] += created
        totals["failed"] += failed


started = time.monotonic()
workers = [threading.Thread(target=work, args=(w, count // connections + (1 if w < count % connections else 0)))
           for w in range(connections)]
for worker in workers:
    worker.start()
for worker in workers:
    worker.join()
if first_failure:
    print("BULK first failure: " + first_failure[0])
print("BULK created=%d failed=%d seconds=%.1f" % (totals["created"], totals["failed"], time.monotonic() - started))
