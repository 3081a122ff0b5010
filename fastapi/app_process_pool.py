# Python's own answer for CPU work: the original route as `async def`, which hands the loop to a
# ProcessPoolExecutor with loop.run_in_executor. Each pool process has its own GIL, so the loops
# run on every core while the event loop stays free for other requests (/health).
# POOL_PROCESSES sizes the pool (make fastapi: the effective cores, like Node's pool).
import asyncio
import os
import sys
from concurrent.futures import ProcessPoolExecutor

from fastapi import FastAPI

sys.stdout.reconfigure(line_buffering=True)

LOOP_ITERATIONS = int(os.environ.get("LOOP_ITERATIONS", "100000000"))
POOL_PROCESSES = int(os.environ.get("POOL_PROCESSES", str(os.cpu_count() or 1)))

app = FastAPI()
pool = ProcessPoolExecutor(max_workers=POOL_PROCESSES)


def count(iterations):
    i = 0
    while i < iterations:
        i += 1
    return i


@app.on_event("startup")
async def start_pool():
    # Started before the first request, so no request pays for the processes' start.
    await asyncio.gather(*(asyncio.get_running_loop().run_in_executor(pool, count, 0) for _ in range(POOL_PROCESSES)))


@app.on_event("shutdown")
def stop_pool():
    pool.shutdown(cancel_futures=True)


@app.get("/{client_id}")
async def root(client_id: int):
    print(f"Start processing a request from client: {client_id}")
    await asyncio.get_running_loop().run_in_executor(pool, count, LOOP_ITERATIONS)
    print(f"End processing a request from client: {client_id}")
    return {"message": "Hello World"}
