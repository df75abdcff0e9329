"""factory_boy factories for the foundation's models."""

from datetime import date

import factory

from pbgdpl.people.models import RoleAssignment, User
from pbgdpl.units.models import Unit


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: str(90000 + n))
    name = factory.Sequence(lambda n: f"Xã Thử Nghiệm {n}")
    kind = "xa"
    parent = None
    is_urban = factory.LazyAttribute(lambda o: o.kind == "phuong")
    valid_from = date(2025, 7, 1)
    path = factory.LazyAttribute(
        lambda o: f"{o.parent.path}{o.code}/" if o.parent is not None else f"{o.code}/"
    )
    depth = factory.LazyAttribute(lambda o: o.parent.depth + 1 if o.parent is not None else 0)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"nguoidung{n}@example.vn")
    first_name = "An"
    last_name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    password = factory.PostGenerationMethodCall("set_password", "mat-khau-thu-nghiem-1")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class RoleAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(UserFactory)
    role = "unit_officer"
    unit = factory.SubFactory(UnitFactory)
    valid_from = date(2025, 7, 1)


def login_with_second_factor(client, user) -> None:
    """Log ``user`` in on the test client with a confirmed, verified TOTP device."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def totp_now(device) -> str:
    """The code an authenticator app would show for ``device`` right now."""
    import time

    from django_otp.oath import TOTP

    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


class LegalDocumentFactory(factory.django.DjangoModelFactory):
    """A legal document (work) without text; give ``number`` for a numbered one."""

    class Meta:
        model = "laws.LegalDocument"

    number = ""
    number_key = factory.LazyAttribute(lambda o: _number_key(o.number))
    title = factory.Sequence(lambda n: f"Quy định thử nghiệm số {n}")
    eli = factory.Sequence(lambda n: f"van-ban/2020/thu-nghiem-{n}")
    origin = "manual"
    effective_on = date(2020, 1, 1)


def _number_key(number: str):
    from pbgdpl.core.text import fold, normalize_document_number

    return fold(normalize_document_number(number)) if number else None
