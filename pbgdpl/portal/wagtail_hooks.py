"""The portal in the Wagtail back office: taxonomies as snippets, and the hooks that keep
role-derived groups and workflows in step with the area pages (see ``permissions``)."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.contrib.simple_translation.forms import SubmitTranslationForm
from wagtail.contrib.simple_translation.views import SubmitPageTranslationView
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from pbgdpl.people.permissions import can

from . import feedback_admin  # noqa: F401  (registers the feedback report's hooks)
from .models import Audience, HomePage, UnitAreaPage


class AudienceViewSet(SnippetViewSet):
    """Đối tượng: editable by the province's content administrators only (model
    permissions of the managed group "Quản trị nội dung cấp tỉnh")."""

    model = Audience
    icon = "group"
    menu_label = _("Đối tượng")
    add_to_admin_menu = False
    list_display = ["name", "code", "sort_order"]
    search_fields = ["name", "code"]
    ordering = ["sort_order", "name"]


register_snippet(AudienceViewSet)


def _groups_follow(page: Any) -> None:
    from .permissions import portal_area_groups_ensure, portal_province_groups_ensure

    specific = page.specific
    if isinstance(specific, UnitAreaPage):
        portal_area_groups_ensure(area=specific)
    elif isinstance(specific, HomePage):
        portal_province_groups_ensure()


@hooks.register("after_create_page")
def portal_page_created(request: Any, page: Any) -> None:
    """A new area gets its groups and workflow at once (a new language home too)."""
    _groups_follow(page)


@hooks.register("after_edit_page")
def portal_page_edited(request: Any, page: Any) -> None:
    """An area whose unit or name changed keeps the right groups (publishing by any path
    is covered by ``permissions.portal_permissions_on_publish``)."""
    if isinstance(page.specific, UnitAreaPage):
        _groups_follow(page)


@hooks.register("before_edit_page")
def portal_area_unit_guard(request: Any, page: Any) -> None:
    """Only province-level editors may move an area page to another unit: an area's own
    editors could otherwise hand their area (and its permissions) to another commune."""
    if request.method != "POST" or not isinstance(page.specific, UnitAreaPage):
        return
    stored = UnitAreaPage.objects.filter(pk=page.pk).values_list("unit_id", flat=True).first()
    posted = request.POST.get("unit")
    if posted is None or posted == str(stored):
        return
    if not can(request.user, "content.edit", page.get_parent().specific):
        raise PermissionDenied(_("Chỉ biên tập viên cấp tỉnh được đổi đơn vị của trang tin cơ sở."))


# ----------------------------------------------------------------------------- translation
class _TranslationForm(SubmitTranslationForm):
    """Wagtail's "translate page" form, refusing (with a message, not a server error) a
    language whose parent page is not translated yet: the form only disables those
    choices in the browser."""

    def __init__(self, instance: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(instance, *args, **kwargs)
        self._page = instance

    def clean_locales(self):
        locales = self.cleaned_data["locales"]
        page = self._page
        if isinstance(page, Page) and not page.get_parent().is_root():
            translated = set(
                page.get_parent()
                .get_translations(inclusive=True)
                .values_list("locale_id", flat=True)
            )
            missing = [locale for locale in locales if locale.pk not in translated]
            if missing:
                raise ValidationError(
                    _("Hãy dịch trang cha “%(parent)s” sang %(languages)s trước.")
                    % {
                        "parent": page.get_parent().title,
                        "languages": ", ".join(loc.get_display_name() for loc in missing),
                    }
                )
        return locales


class _TranslatePageView(SubmitPageTranslationView):
    def get_form(self):
        if self.request.method == "POST":
            return _TranslationForm(self.object, self.request.POST)
        return _TranslationForm(self.object)


@hooks.register("register_admin_urls")
def portal_translation_urls():
    # Same path as wagtail.contrib.simple_translation's view, matched first (this app's
    # hooks are registered before it), so its links keep working.
    return [
        path(
            "translation/submit/page/<int:page_id>/",
            _TranslatePageView.as_view(),
            name="portal_submit_page_translation",
        )
    ]
