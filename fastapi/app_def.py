# The original experiment: one route, a busy loop, a print at its start and end. Plain `def`:
# FastAPI runs it in its thread pool, so requests interleave, but the GIL keeps the loops on
# about one core. LOOP_ITERATIONS shortens the loop (the original counted to 100,000,000).
import os
import sys

from fastapi import FastAPI

# Not in the original: through a pipe, print() would hold its lines in a block buffer and the
# runner would see them late; line buffering passes each on as soon as its newline is printed.
sys.stdout.reconfigure(line_buffering=True)

LOOP_ITERATIONS = int(os.environ.get("LOOP_ITERATIONS", "100000000"))

app = FastAPI()


@app.get("/{client_id}")
def root(client_id: int):
    print(f"Start processing a request from client: {client_id}")
    i = 0
    while i < LOOP_ITERATIONS:
        i += 1
    print(f"End processing a request from client: {client_id}")
    return {"message": "Hello World"}
