"""The storefront's order API: a tiny HTTP backend on 127.0.0.1:$BACKEND_PORT for the web servers to proxy."""
import json
import os
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

ORDERS = {"1001": {"id": "1001", "total_cents": 4599}, "1002": {"id": "1002", "total_cents": 12000}}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's name)
        path = self.path.split("?")[0].rstrip("/")
        if path == "/api/orders":
            return self.send_json(200, sorted(ORDERS))
        if path.startswith("/api/orders/"):
            order_id = path.rsplit("/", 1)[1]
            try:
                return self.send_json(200, order_summary(order_id))
            except Exception as error:  # the API answers 500 and logs the traceback, like any web framework
                import traceback

                traceback.print_exc()
                return self.send_json(500, {"error": f"{type(error).__name__}: {error}"})
        return self.send_json(404, {"error": "not found"})

    def send_json(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, fmt, *args):
        sys.stderr.write("backend: " + fmt % args + "\n")


def order_summary(order_id):
    order = ORDERS[order_id]
    return {"id": order["id"], "total": f"{order['total_cents'] / 100:.2f} EUR"}


if __name__ == "__main__":
    HTTPServer(("127.0.0.1", int(os.environ.get("BACKEND_PORT", "18081"))), Handler).serve_forever()
