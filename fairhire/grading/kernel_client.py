"""Kernel settings for grading: no waiting on a kernel that has nothing more to say.

Grading starts and stops two kernels per submission (the learner's and the
judge's). jupyter_client's client, once the kernel answers, listens to IOPub
until it has been silent for 0.2 s; a graceful shutdown waits for the kernel
to end by itself. Together that is about 0.6 s per submission in which
nothing happens. Here the client is ready as soon as the kernel answered on
both channels (nbclient ignores IOPub messages of other requests), and the
kernel is stopped at once when its notebook is done: the grading process
kills whatever is left of the learner's processes anyway.
"""

from __future__ import annotations

import time
from queue import Empty

from jupyter_client.asynchronous.client import AsyncKernelClient
from jupyter_core.utils import ensure_async

READY_CLIENT = "fairhire.grading.kernel_client.ReadyKernelClient"
# for nbgrader's Execute preprocessor (nbgrader sets its kernel manager class itself)
NBGRADER_ARGS = [
    f"--AsyncKernelManager.client_class={READY_CLIENT}",
    "--Execute.shutdown_kernel=immediate",
]


def client_settings() -> dict:
    """Keyword arguments for an ``nbclient.NotebookClient`` that grades."""
    from traitlets.config import Config

    return {
        "config": Config({"AsyncKernelManager": {"client_class": READY_CLIENT}}),
        "shutdown_kernel": "immediate",
    }


class ReadyKernelClient(AsyncKernelClient):
    """An asynchronous kernel client that is ready once the kernel answered on both channels."""

    async def wait_for_ready(self, timeout: float | None = None) -> None:
        """Wait for the kernel's ``kernel_info_reply`` and one IOPub message.

        Raises
        ------
        RuntimeError
            When the kernel dies or does not answer within ``timeout`` seconds.
        """
        deadline = time.time() + (float("inf") if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                msg = await ensure_async(self.shell_channel.get_msg(timeout=1))
            except Empty:
                msg = None
            if msg is not None and msg["msg_type"] == "kernel_info_reply":
                try:
                    # IOPub is subscribed once a status message of this request comes through
                    await ensure_async(self.iopub_channel.get_msg(timeout=0.2))
                except Empty:
                    pass
                else:
                    self._handle_kernel_info_reply(msg)
                    return
            if not await self._async_is_alive():
                raise RuntimeError("Kernel died before replying to kernel_info")
            if time.time() > deadline:
                raise RuntimeError(f"Kernel didn't respond in {timeout} seconds")
