"""Background work of the portal (django-tasks; the database backend in production)."""

import logging

from django_tasks import task

logger = logging.getLogger(__name__)


@task()
def article_audio_generate_task(audio_id: int, force: bool = False) -> str:
    """Generate one article's audio (again, with ``force``, even when it is ready).

    Returns the row's status ("ready", "failed"), or "missing" when the row was deleted
    meanwhile (its page was deleted). Never raises for a failed generation: the failure
    is recorded on the row.
    """
    from .audio import article_audio_generate
    from .models import ArticleAudio

    try:
        audio = article_audio_generate(audio_id=audio_id, force=force)
    except ArticleAudio.DoesNotExist:
        logger.info("Audio %s no longer exists; nothing to generate", audio_id)
        return "missing"
    return str(audio.status)
