"""Audit receivers for events that the frameworks raise (logins, Wagtail's action log).

Our own services call ``audit_record`` directly; these receivers only cover actions that
happen inside Django's auth and the Wagtail back office, so that every back-office
create/update/delete lands in the hash-chained log as well.
"""

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.models import ModelLogEntry, PageLogEntry

from .audit import audit_record
from .context import client_ip


@receiver(user_logged_in, dispatch_uid="audit_login")
def audit_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    audit_record(
        action="auth.login", obj=user, actor=user, ip=client_ip(request) if request else None
    )


@receiver(user_logged_out, dispatch_uid="audit_logout")
def audit_logout(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        audit_record(
            action="auth.logout", obj=user, actor=user, ip=client_ip(request) if request else None
        )


@receiver(user_login_failed, dispatch_uid="audit_login_failed")
def audit_login_failed(sender: Any, credentials: dict, request: Any = None, **kwargs: Any) -> None:
    # Never store the password; the login name is kept to spot targeted attacks.
    login = str(credentials.get("username") or credentials.get("email") or "")[:150]
    audit_record(
        action="auth.login_failed",
        ip=client_ip(request) if request is not None else None,
        data={"login": login},
    )


def _mirror_wagtail_log_entry(instance: Any, object_type: str) -> None:
    audit_record(
        action=instance.action,
        actor=instance.user,
        object_type=object_type,
        object_id=str(instance.object_id),
        object_repr=str(instance.label)[:255],
        data={"wagtail_log_entry": instance.pk, "data": instance.data or {}},
    )


@receiver(post_save, sender=ModelLogEntry, dispatch_uid="audit_wagtail_model_log")
def audit_wagtail_model_log(
    sender: Any, instance: ModelLogEntry, created: bool, **kwargs: Any
) -> None:
    if created:
        _mirror_wagtail_log_entry(
            instance,
            instance.content_type.model_class()._meta.label_lower
            if instance.content_type.model_class()
            else "wagtail.model",
        )


@receiver(post_save, sender=PageLogEntry, dispatch_uid="audit_wagtail_page_log")
def audit_wagtail_page_log(
    sender: Any, instance: PageLogEntry, created: bool, **kwargs: Any
) -> None:
    if created:
        _mirror_wagtail_log_entry(instance, "wagtailcore.page")
