"""Authentication by e-mail address or phone number."""

from typing import Any

from django.contrib.auth.backends import ModelBackend
from django.http import HttpRequest

from .identifiers import looks_like_phone, normalize_email, normalize_phone
from .models import User


class EmailOrPhoneBackend(ModelBackend):
    """Log in with the e-mail address or the phone number and the password."""

    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> User | None:
        login = username if username is not None else kwargs.get(User.USERNAME_FIELD)
        if not login or password is None:
            return None
        if looks_like_phone(login):
            user = User.objects.filter(phone=normalize_phone(login)).first()
        else:
            user = User.objects.filter(email=normalize_email(login)).first()
        if user is None:
            # Same cost as a real check, so timing does not reveal which logins exist.
            User().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None


class RoleBackOfficeBackend:
    """Grants entry to the back office (``wagtailadmin.access_admin``) to holders of a staff role.

    Decided at each request from the grants in force, so a role that expires or is revoked
    closes the back office at once; what the person may do inside is still decided by
    ``can()`` per unit. Grants nothing else and authenticates no one.
    """

    BACK_OFFICE_PERMISSION = "wagtailadmin.access_admin"

    def authenticate(self, request: HttpRequest | None, **credentials: Any) -> None:
        return None

    def get_user(self, user_id: int) -> None:
        return None

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        if perm != self.BACK_OFFICE_PERMISSION or not getattr(user_obj, "is_active", False):
            return False
        from .permissions import holds_staff_role

        return holds_staff_role(user_obj)
