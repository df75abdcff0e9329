"""Plain Django URLs of the push/Atom part of the exchange (the API lives under /api/v1/)."""

from django.urls import path

from . import atom

urlpatterns = [
    path("trao-doi/thay-doi.atom", atom.changes_atom, name="exchange-changes-atom"),
]
