"""Thin receivers: Wagtail's page signals call the portal's services.

Wagtail raises these for every way a page changes state (the editor's buttons, the
workflow's last approval, ``publish_scheduled`` for scheduled publishing and
unpublishing, deletion), so no path is missed.
"""

from typing import Any

from django.db.models.signals import post_delete
from django.dispatch import receiver
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished


@receiver(page_published, dispatch_uid="portal_page_published")
def portal_page_published(sender: Any, instance: Any, revision: Any = None, **kwargs: Any) -> None:
    from .services import portal_page_changed

    portal_page_changed(page=instance, revision=revision, published=True)


@receiver(page_unpublished, dispatch_uid="portal_page_unpublished")
def portal_page_unpublished(sender: Any, instance: Any, **kwargs: Any) -> None:
    from .services import portal_page_changed

    portal_page_changed(page=instance, revision=None, published=False)


@receiver(post_delete, dispatch_uid="portal_page_deleted")
def portal_page_deleted(sender: Any, instance: Any, **kwargs: Any) -> None:
    # Any page: a deleted section or home must leave the cached pages too. Multi-table
    # inheritance sends one signal per table, the most specific first; only the last one
    # (the base Page row) acts, when every row of the page is gone, so the exchange sees
    # the page missing and publishes its tombstone.
    if type(instance) is Page:
        from .services import portal_page_changed

        portal_page_changed(page=instance, revision=None, published=False)
