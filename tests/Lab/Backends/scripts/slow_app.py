"""WSGI app for the gunicorn worker-timeout scenario: slower than gunicorn's --timeout, so the arbiter kills the worker."""
import time


def app(environ, start_response):
    time.sleep(3)
    start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "3")])
    return [b"ok\n"]
