"""The pack's closed loop on Locust's master/worker mode (loadtests/load/locust-driver.ts runs it).

AOP_USERS clients, each `GET AOP_PATH` with {client} replaced by its id and no wait between requests.
The master hands out the ids (1..AOP_USERS, unique across workers), prints every answer the workers
forward as one JSON line on stdout (the Node runner keeps the window, the percentiles and the
tallies), and asks the workers to end gracefully when the file AOP_STOP_FILE appears: each client
waits for its outstanding answer, then stops.
"""
import importlib.metadata
import json
import os
import sys
import time

import gevent
import gevent.event
import locust.runners
from locust import HttpUser, events, task
from locust.exception import StopUser
from locust.runners import MasterRunner, WorkerRunner
from requests.exceptions import Timeout

# Debian 12's python3-locust ships an empty version string; its master then refuses every worker as
# "an old (pre 2.0) worker". The version a worker sends is this module's name, read at each send.
if not locust.runners.__version__:
    locust.runners.__version__ = importlib.metadata.version("locust") or "2"

PATH = os.environ.get("AOP_PATH", "/{client}")
USERS = int(os.environ.get("AOP_USERS", "1"))
TIMEOUT_S = float(os.environ.get("AOP_TIMEOUT_S", "10"))
STOP_FILE = os.environ.get("AOP_STOP_FILE", "")
FLUSH_S = 0.02
ID_WAIT_S = 30


def emit(record):
    sys.stdout.write(json.dumps(record) + "\n")
    sys.stdout.flush()


class Master:
    def __init__(self, environment):
        self.runner = environment.runner
        self.next_id = 0
        self.done = set()
        self.runner.register_message("aop_id_ask", self.give_id)
        self.runner.register_message("aop_answers", lambda environment, msg: emit({"aop": "answers", **msg.data}))
        self.runner.register_message("aop_done", self.worker_done)
        environment.events.spawning_complete.add_listener(lambda user_count: emit({"aop": "ready", "users": user_count}))
        gevent.spawn(self.watch_stop_file)

    def give_id(self, environment, msg):
        self.next_id += 1
        self.runner.send_message("aop_id", {"seq": msg.data["seq"], "id": self.next_id}, client_id=msg.node_id)

    def worker_done(self, environment, msg):
        self.done.add(msg.node_id)
        if len(self.done) == self.runner.worker_count:
            emit({"aop": "done", "workers": len(self.done)})

    def watch_stop_file(self):
        while not os.path.exists(STOP_FILE):
            gevent.sleep(FLUSH_S)
        self.runner.send_message("aop_stop", {})


class Worker:
    def __init__(self, environment):
        self.runner = environment.runner
        self.waiting = {}
        self.seq = 0
        self.sent = 0
        self.active = 0
        self.stopping = False
        self.answers = []
        self.failures = []
        self.runner.register_message("aop_id", self.got_id)
        self.runner.register_message("aop_stop", self.stop)
        environment.events.request.add_listener(self.on_request)
        gevent.spawn(self.flush_forever)

    def ask_id(self):
        self.seq += 1
        waiter = gevent.event.AsyncResult()
        self.waiting[self.seq] = waiter
        self.runner.send_message("aop_id_ask", {"seq": self.seq})
        self.active += 1
        return waiter.get(timeout=ID_WAIT_S)

    def got_id(self, environment, msg):
        self.waiting.pop(msg.data["seq"]).set(msg.data["id"])

    def on_request(self, context, response, exception, response_time, **kwargs):
        client_id = context["client_id"]
        if exception is None or getattr(response, "status_code", 0):
            self.answers.append([client_id, response.status_code, response_time, time.time() * 1000])
        else:
            kind = "timeout" if isinstance(exception, Timeout) else "error"
            self.failures.append([client_id, kind, time.time() * 1000])

    def flush(self):
        if self.answers or self.failures:
            data = {"worker": self.runner.client_id, "sent": self.sent, "answers": self.answers, "failures": self.failures}
            self.answers, self.failures = [], []
            self.runner.send_message("aop_answers", data)

    def flush_forever(self):
        while True:
            gevent.sleep(FLUSH_S)
            self.flush()

    def stop(self, environment, msg):
        self.stopping = True
        if self.active == 0:
            self.finished_one(counted=False)

    def finished_one(self, counted=True):
        if counted:
            self.active -= 1
        if self.active == 0:
            self.flush()
            self.runner.send_message("aop_done", {"sent": self.sent})


ROLE = {}


@events.init.add_listener
def on_init(environment, **kwargs):
    if isinstance(environment.runner, MasterRunner):
        ROLE["master"] = Master(environment)
    elif isinstance(environment.runner, WorkerRunner):
        ROLE["worker"] = Worker(environment)


class Client(HttpUser):
    """One closed-loop client: asks again as soon as it is answered."""

    def wait_time(self):
        return 0

    def on_start(self):
        self.client_id = ROLE["worker"].ask_id()
        self.path = PATH.replace("{client}", str(self.client_id))

    @task
    def ask(self):
        worker = ROLE["worker"]
        if worker.stopping:
            worker.finished_one()
            raise StopUser()
        worker.sent += 1
        self.client.get(self.path, name=PATH, timeout=TIMEOUT_S, context={"client_id": self.client_id})
