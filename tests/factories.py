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
    def _save(obj, create, extracted, **kwargs):  # noqa: N805
        if create:
            obj.save()


class RoleAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = RoleAssignment

    user = factory.SubFactory(UserFactory)
    role = "unit_officer"
    unit = factory.SubFactory(UnitFactory)
    valid_from = date(2025, 7, 1)
