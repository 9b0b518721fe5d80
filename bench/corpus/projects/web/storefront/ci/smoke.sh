#!/usr/bin/env bash
# Smoke test: start the backend and one web server (nginx or apache), request every page the storefront
# links, and fail when any answer is not what the page should answer. The servers' logs stay in logs/.
set -u
server=${1:?usage: ci/smoke.sh nginx|apache}
root=$(pwd)
mkdir -p logs tmp
python3 backend.py &
backend=$!
if [ "$server" = nginx ]; then
    port=18080
    nginx -p "$root/" -c nginx.conf
    stop() { nginx -p "$root/" -c nginx.conf -s quit; }
else
    port=18090
    chmod -R a+rX "$root"
    STOREFRONT_ROOT=$root apache2 -f "$root/apache2.conf" -k start
    stop() { STOREFRONT_ROOT=$root apache2 -f "$root/apache2.conf" -k stop; }
fi
sleep 1
failures=0
check() {  # check EXPECTED PATH
    got=$(curl -s -o /dev/null -w '%{http_code}' -A 'storefront-smoke/1.0' "http://127.0.0.1:$port$2")
    if [ "$got" = "$1" ]; then echo "ok   $got $2"; else echo "FAIL $got $2 (expected $1)"; failures=$((failures + 1)); fi
}
while read -r expected path; do
    check "$expected" "$path"
done < ci/urls-"$server".txt
stop
kill "$backend"
sleep 1
echo "$failures of $(wc -l < ci/urls-"$server".txt) requests failed"
[ "$failures" -eq 0 ]
