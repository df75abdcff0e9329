"""Background work of the exchange (django-tasks; the database backend in production).

Schedule ``exchange_pull_due_task`` (or ``manage.py exchange_pull --all`` from cron) every
few minutes; the back office's "pull now" enqueues ``exchange_pull_task``.
"""

import logging

from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def exchange_pull_task(peer_id: int, full: bool = False) -> str:
    """Pull one peer (``full``: a full reconciliation).

    Returns "ok", "failed" (recorded on the peer and its run), "busy" (another pull of
    the peer runs) or "missing" (the peer was deleted meanwhile).
    """
    from .models import Peer
    from .pull import PeerBusy, exchange_pull

    peer = Peer.objects.filter(pk=peer_id).first()
    if peer is None:
        logger.info("Nút %s không còn; không kéo.", peer_id)
        return "missing"
    try:
        run = exchange_pull(peer=peer, full=full)
    except PeerBusy as exc:
        logger.info("%s", exc)
        return "busy"
    return "failed" if run.error else "ok"


@task()
def exchange_pull_due_task() -> int:
    """Pull every enabled peer; returns how many runs ended without error."""
    from .pull import exchange_pull_due

    return sum(1 for run in exchange_pull_due() if not run.error)
