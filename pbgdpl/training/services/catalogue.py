"""Writes of the training app for the course catalogue: courses (create, update, publish),
their modules (add, update, reorder, delete) and an enrolment's withdrawal (and its
reinstatement). Every write needs "training.manage" on the course's unit (an
enrolment: on the learner's unit), is atomic and audited.

What a completed enrolment means is kept: once anyone completed a course, its mode,
hours, qualifying flag and pass mark stay as they were, and its modules can no longer be
added, deleted, change kind or (a quiz) change its questions — texts, video addresses,
documents and the order may still be corrected. Someone's progress on a module also
keeps that module from being deleted or changing kind, and a quiz someone has a score on
keeps its questions. Once anyone is enrolled the organising unit and the mode stay. A
new version of the course is a new course (with the old one as a prerequisite if need
be).

Lesson texts are rich text sanitised to the portal's features (headings, bold, italic,
lists, links with http(s)/mailto addresses) in Wagtail's database format: render them
with ``{{ module.body|richtext }}``.
"""

import contextlib
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import URLValidator
from django.db import transaction
from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext as _

from pbgdpl.contests.models import Item, ItemStatus
from pbgdpl.core.audit import audit_record
from pbgdpl.core.text import fold, plain_text_clean
from pbgdpl.core.uploads import UploadRefused, upload_check, upload_extension
from pbgdpl.people.permissions import require
from pbgdpl.units.selectors import unit_list_valid

from ..lessons import LESSON_FEATURES, lesson_html_clean
from ..models import (
    Course,
    CourseMode,
    Enrolment,
    EnrolmentStatus,
    Module,
    ModuleKind,
    ModuleProgress,
    PersonRole,
)
from .courses import _enrol_problem
from .errors import TrainingInputError

__all__ = [
    "DOCUMENT_TYPES",
    "LESSON_FEATURES",
    "CourseInput",
    "ModuleInput",
    "course_create",
    "course_frozen_reason",
    "course_publish",
    "course_publish_problems",
    "course_update",
    "document_max_bytes",
    "enrolment_reinstate",
    "enrolment_withdraw",
    "lesson_html_clean",
    "module_add",
    "module_delete",
    "module_move",
    "module_update",
]

# Addresses of the learner pages that a course slug may not take (/boi-duong/<slug>/).
RESERVED_SLUGS = frozenset({"chung-nhan"})
MODULES_MAX = 100
QUIZ_ITEMS_MAX = 200
HOURS_MAX = Decimal(500)
DESCRIPTION_MAX = 5000
LESSON_MAX = 100_000  # characters of stored HTML
DOCUMENT_MAX_BYTES = 20 * 1024 * 1024  # settings.TRAINING_DOCUMENT_MAX_BYTES overrides

# The documents a course may offer (their content is checked by pbgdpl.core.uploads).
DOCUMENT_TYPES: tuple[str, ...] = ("pdf", "docx", "xlsx", "pptx", "odt", "odp")


def document_max_bytes() -> int:
    return int(getattr(settings, "TRAINING_DOCUMENT_MAX_BYTES", DOCUMENT_MAX_BYTES))


# --------------------------------------------------------------------------- courses


@dataclass
class CourseInput:
    title: str
    unit: str  # unit code
    mode: str
    slug: str = ""  # empty: made from the title
    description: str = ""
    audience: list[str] = field(default_factory=list)  # PersonRole values; empty = everyone
    hours: Any = 0
    qualifying: bool = True
    pass_mark: Any = 70
    prerequisites: list[int] = field(default_factory=list)  # course ids


def _hours(value: Any) -> Decimal | None:
    try:
        hours = Decimal(str(value if value not in (None, "") else 0)).quantize(Decimal("0.1"))
    except (InvalidOperation, ValueError):
        return None
    return hours if Decimal(0) <= hours <= HOURS_MAX else None


def _prerequisites_check(
    ids: list[int], *, course: Course | None
) -> tuple[list[Course], str | None]:
    """The prerequisite courses, or a message: unknown ids, the course itself, a cycle."""
    wanted = {int(i) for i in ids}
    found = list(Course.objects.filter(pk__in=wanted))
    if len(found) != len(wanted):
        return [], _("Khoá cần hoàn thành trước không tồn tại.")
    if course is None:
        return found, None
    if course.pk in wanted:
        return [], _("Khoá học không thể là điều kiện của chính nó.")
    # A cycle: the course is reachable from one of its new prerequisites.
    seen: set[int] = set()
    frontier = set(wanted)
    while frontier:
        if course.pk in frontier:
            return [], _(
                "Các khoá cần hoàn thành trước tạo thành vòng lặp (khoá này lại là điều kiện "
                "của một khoá cần hoàn thành trước nó)."
            )
        seen |= frontier
        frontier = (
            set(
                Course.prerequisites.through.objects.filter(
                    from_course_id__in=frontier
                ).values_list("to_course_id", flat=True)
            )
            - seen
        )
    return found, None


def _course_clean(data: CourseInput, *, course: Course | None) -> dict[str, Any]:
    errors: dict[str, str] = {}
    title = " ".join(plain_text_clean(data.title).split())
    if not 5 <= len(title) <= 255:
        errors["title"] = _("Tên khoá bồi dưỡng từ 5 đến 255 ký tự.")
    unit = unit_list_valid().filter(code=(data.unit or "").strip()).first()
    if unit is None:
        errors["unit"] = _("Đơn vị tổ chức không có trong danh mục đơn vị hành chính hiện hành.")
    if data.mode not in CourseMode.values:
        errors["mode"] = _("Hình thức phải là trực tuyến, trực tiếp hoặc kết hợp.")
    audience = list(dict.fromkeys(data.audience or []))
    if any(role not in PersonRole.values for role in audience):
        errors["audience"] = _("Đối tượng không hợp lệ.")
    hours = _hours(data.hours)
    if hours is None:
        errors["hours"] = _("Số giờ từ 0 đến 500 (một chữ số thập phân).")
    elif hours == 0 and data.mode == CourseMode.ONLINE:
        errors["hours"] = _("Khoá trực tuyến cần số giờ học để tính giờ học của học viên.")
    try:
        pass_mark = int(data.pass_mark)
    except (TypeError, ValueError):
        pass_mark = -1
    if not 1 <= pass_mark <= 100:
        errors["pass_mark"] = _("Điểm đạt từ 1 đến 100 (%).")
    description = plain_text_clean(data.description)
    if len(description) > DESCRIPTION_MAX:
        errors["description"] = _("Giới thiệu tối đa 5.000 ký tự.")
    raw_slug = (data.slug or "").strip()
    slug = slugify(fold(raw_slug))[:120]
    if raw_slug and not slug:
        errors["slug"] = _("Đường dẫn chỉ gồm chữ, số và dấu gạch ngang.")
    elif slug in RESERVED_SLUGS:
        errors["slug"] = _("Đường dẫn “%(slug)s” dành cho trang khác: hãy chọn đường dẫn khác.") % {
            "slug": slug
        }
    elif slug and Course.objects.filter(slug=slug).exclude(pk=getattr(course, "pk", None)).exists():
        errors["slug"] = _("Đường dẫn “%(slug)s” đã được khoá khác dùng.") % {"slug": slug}
    prerequisites, problem = _prerequisites_check(list(data.prerequisites or []), course=course)
    if problem:
        errors["prerequisites"] = problem
    if errors:
        raise TrainingInputError(errors)
    return {
        "title": title,
        "unit": unit,
        "mode": data.mode,
        "audience": audience,
        "hours": hours,
        "qualifying": bool(data.qualifying),
        "pass_mark": pass_mark,
        "description": description,
        "slug": slug,
        "prerequisites": prerequisites,
    }


def _slug_free(base: str) -> str:
    base = base or "khoa-boi-duong"
    slug, n = base, 1
    while slug in RESERVED_SLUGS or Course.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base[:110]}-{n}"
    return slug


@transaction.atomic
def course_create(*, actor: Any, data: CourseInput) -> Course:
    """A new course (not yet open for enrolment) organised by ``data.unit`` (role
    "training.manage" on it). An empty slug is made from the title."""
    clean = _course_clean(data, course=None)
    require(actor, "training.manage", clean["unit"])
    prerequisites = clean.pop("prerequisites")
    clean["slug"] = clean["slug"] or _slug_free(slugify(fold(clean["title"]))[:110])
    course = Course.objects.create(**clean, published=False)
    course.prerequisites.set(prerequisites)
    audit_record(action="training.course.create", obj=course, actor=actor, data={})
    return course


def _lock(instance: Any) -> Any:
    """Lock ``instance``'s row for the transaction and reload it in place, so the
    caller's object is the one changed (and returned)."""
    list(type(instance).objects.select_for_update().filter(pk=instance.pk).values_list("pk"))
    instance.refresh_from_db()
    return instance


def _completed_exists(course: Course) -> bool:
    return course.enrolments.filter(status=EnrolmentStatus.COMPLETED).exists()


def course_frozen_reason(course: Course) -> str:
    """Why the course's mode, hours, qualifying flag, pass mark and module structure may
    no longer change ("" when they may)."""
    if _completed_exists(course):
        return _(
            "Khoá đã có học viên hoàn thành: hình thức, số giờ, việc tính vào chỉ tiêu, điểm "
            "đạt và cấu trúc học phần được giữ nguyên để kết quả của họ không đổi nghĩa. Nội "
            "dung mới hãy tạo thành khoá mới."
        )
    return ""


COURSE_FROZEN_FIELDS = ("mode", "hours", "qualifying", "pass_mark")


@transaction.atomic
def course_update(*, actor: Any, course: Course, data: CourseInput) -> Course:
    """Change a course ("training.manage" on its unit, and on the new unit if it moves).
    See the module docstring for what stays once people enrolled or completed."""
    require(actor, "training.manage", course)
    course = _lock(course)
    clean = _course_clean(data, course=course)
    errors: dict[str, str] = {}
    enrolled = course.enrolments.exclude(status=EnrolmentStatus.WITHDRAWN).exists()
    if enrolled and clean["unit"].pk != course.unit_id:
        errors["unit"] = _("Khoá đã có người ghi danh: không đổi được đơn vị tổ chức.")
    if enrolled and clean["mode"] != course.mode:
        errors["mode"] = _("Khoá đã có người ghi danh: không đổi được hình thức.")
    if _completed_exists(course):
        message = _("Khoá đã có học viên hoàn thành: không đổi được mục này.")
        for name in COURSE_FROZEN_FIELDS:
            if clean[name] != getattr(course, name):
                errors.setdefault(name, message)
    if errors:
        raise TrainingInputError(errors)
    require(actor, "training.manage", clean["unit"])
    prerequisites = clean.pop("prerequisites")
    clean["slug"] = clean["slug"] or course.slug
    for name, value in clean.items():
        setattr(course, name, value)
    course.save()
    course.prerequisites.set(prerequisites)
    audit_record(action="training.course.update", obj=course, actor=actor, data={})
    return course


def course_publish_problems(course: Course) -> list[str]:
    """What keeps ``course`` from opening for enrolment (empty when nothing does)."""
    problems: list[str] = []
    modules = list(course.modules.order_by("position"))
    if course.mode == CourseMode.ONLINE and not modules:
        problems.append(_("Khoá trực tuyến cần ít nhất một học phần."))
    for module in modules:
        if (
            module.kind == ModuleKind.QUIZ
            and not module.items.filter(status=ItemStatus.APPROVED).exists()
        ):
            problems.append(
                _("Bài kiểm tra “%(title)s” chưa có câu hỏi đã duyệt nào.")
                % {"title": module.title}
            )
    return problems


@transaction.atomic
def course_publish(*, actor: Any, course: Course, published: bool = True) -> Course:
    """Open (or close) a course for enrolment. Opening is refused while
    :func:`course_publish_problems` lists anything; closing stops new enrolments only."""
    require(actor, "training.manage", course)
    course = _lock(course)
    if published:
        problems = course_publish_problems(course)
        if problems:
            raise TrainingInputError({"published": " ".join(problems)})
    if course.published != bool(published):
        course.published = bool(published)
        course.save(update_fields=["published", "updated_at"])
        audit_record(
            action="training.course.publish",
            obj=course,
            actor=actor,
            data={"published": bool(published)},
        )
    return course


# --------------------------------------------------------------------------- modules


@dataclass
class ModuleInput:
    title: str
    kind: str
    body: str = ""  # rich text (HTML); the lesson itself, or an introduction
    video_url: str = ""
    document: Any = None  # a new upload (a Django UploadedFile / File); None keeps the stored one
    items: list[int] = field(default_factory=list)  # contests Item ids (approved)


def _video_url_clean(url: str) -> str | None:
    """An http(s) address, or a path to this site's own media (played in the page)."""
    url = (url or "").strip()
    media = str(getattr(settings, "MEDIA_URL", "/media/"))
    if url.startswith(media) and media.startswith("/") and ".." not in url and " " not in url:
        return url if len(url) <= 200 else None
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        return None
    return url if len(url) <= 200 else None


def _document_check(upload: Any) -> tuple[str, str | None]:
    """(extension, problem) for an uploaded document: its extension, size and content
    (see :func:`pbgdpl.core.uploads.upload_check`)."""
    name = str(getattr(upload, "name", "") or "")
    limit = document_max_bytes()
    size = getattr(upload, "size", None)
    with contextlib.suppress(OSError, ValueError, AttributeError):
        upload.seek(0)
    data = b"" if size == 0 else upload.read(limit + 1)
    with contextlib.suppress(OSError, ValueError, AttributeError):
        upload.seek(0)
    try:
        return upload_check(
            data, name=name, allowed=DOCUMENT_TYPES, max_bytes=limit, kinds=_("tài liệu")
        ), None
    except UploadRefused as exc:
        return upload_extension(name), exc.message


def _module_clean(
    data: ModuleInput, *, module: Module | None
) -> tuple[dict[str, Any], list[Item], tuple[str, bytes] | None]:
    """Clean values of the module, its quiz items and the document to store (name,
    content) — or TrainingInputError with every problem."""
    errors: dict[str, str] = {}
    title = " ".join(plain_text_clean(data.title).split())
    if not 2 <= len(title) <= 255:
        errors["title"] = _("Tên học phần từ 2 đến 255 ký tự.")
    kind = data.kind
    if kind not in ModuleKind.values:
        errors["kind"] = _("Loại học phần phải là bài học, video, tài liệu hoặc bài kiểm tra.")
    body = lesson_html_clean(data.body)
    if len(body) > LESSON_MAX:
        errors["body"] = _("Nội dung quá dài (tối đa khoảng 100.000 ký tự).")
    elif kind == ModuleKind.LESSON and not body:
        errors["body"] = _("Bài học cần có nội dung.")
    video_url = ""
    if kind == ModuleKind.VIDEO:
        video_url = _video_url_clean(data.video_url) or ""
        if not video_url:
            errors["video_url"] = _(
                "Nhập địa chỉ video bắt đầu bằng https:// (hoặc /media/… cho video lưu trên "
                "cổng), tối đa 200 ký tự."
            )
    document: tuple[str, bytes] | None = None
    if kind == ModuleKind.DOCUMENT:
        if data.document is not None:
            extension, problem = _document_check(data.document)
            if problem:
                errors["document"] = problem
            else:
                stem = str(data.document.name).rsplit(".", 1)[0]
                name = f"{slugify(fold(stem))[:80] or 'tai-lieu'}.{extension}"
                data.document.seek(0)
                document = (name, data.document.read())
        elif module is None or not module.document:
            errors["document"] = _("Chọn tệp tài liệu (%(types)s).") % {
                "types": ", ".join(f".{e}" for e in DOCUMENT_TYPES)
            }
    items: list[Item] = []
    if kind == ModuleKind.QUIZ:
        wanted = list(dict.fromkeys(int(i) for i in data.items or []))
        items = list(Item.objects.filter(pk__in=wanted, status=ItemStatus.APPROVED))
        if not wanted:
            errors["items"] = _("Bài kiểm tra cần ít nhất một câu hỏi.")
        elif len(wanted) > QUIZ_ITEMS_MAX:
            errors["items"] = _("Bài kiểm tra tối đa 200 câu hỏi.")
        elif len(items) != len(wanted):
            errors["items"] = _("Chỉ chọn được câu hỏi đã duyệt trong ngân hàng câu hỏi.")
    if errors:
        raise TrainingInputError(errors)
    values = {"title": title, "kind": kind, "body": body, "video_url": video_url}
    return values, items, document


def _structure_frozen(course: Course) -> None:
    reason = course_frozen_reason(course)
    if reason:
        raise TrainingInputError({"course": reason})


def _audit_module(action: str, module: Module, actor: Any, data: dict | None = None) -> None:
    audit_record(
        action=action,
        obj=module,
        actor=actor,
        unit_code=module.course.unit.code,
        data={"course": module.course_id, **(data or {})},
    )


def _file_delete_later(name: str) -> None:
    """Remove a replaced or deleted document from storage once the change committed."""
    if not name:
        return
    from django.core.files.storage import default_storage

    transaction.on_commit(lambda: default_storage.delete(name), robust=True)


@transaction.atomic
def module_add(*, actor: Any, course: Course, data: ModuleInput) -> Module:
    """Append a module to ``course`` ("training.manage" on its unit)."""
    require(actor, "training.manage", course)
    course = Course.objects.select_for_update().get(pk=course.pk)
    values, items, document = _module_clean(data, module=None)
    _structure_frozen(course)
    last = course.modules.aggregate(last=Max("position"))["last"] or 0
    if course.modules.count() >= MODULES_MAX:
        raise TrainingInputError({"course": _("Một khoá có tối đa 100 học phần.")})
    module = Module(course=course, position=last + 1, **values)
    if document is not None:
        module.document.save(document[0], ContentFile(document[1]), save=False)
    module.save()
    module.items.set(items)
    _audit_module("training.module.add", module, actor, {"kind": module.kind})
    return module


@transaction.atomic
def module_update(*, actor: Any, module: Module, data: ModuleInput) -> Module:
    """Change a module ("training.manage" on its course's unit). The kind and a quiz's
    questions stay once someone made progress on it or anyone completed the course."""
    require(actor, "training.manage", module.course)
    module = _lock(module)
    values, items, document = _module_clean(data, module=module)
    structural = values["kind"] != module.kind or (
        values["kind"] == ModuleKind.QUIZ
        and {i.pk for i in items} != set(module.items.values_list("pk", flat=True))
    )
    if structural:
        _structure_frozen(module.course)
        if ModuleProgress.objects.filter(module=module).exists():
            raise TrainingInputError(
                {
                    "kind" if values["kind"] != module.kind else "items": _(
                        "Đã có học viên học xong học phần này: không đổi được loại học phần "
                        "hay câu hỏi kiểm tra."
                    )
                }
            )
    old_document = module.document.name if module.document else ""
    for name, value in values.items():
        setattr(module, name, value)
    if values["kind"] != ModuleKind.DOCUMENT and old_document:
        module.document = ""
        _file_delete_later(old_document)
    elif document is not None:
        module.document.save(document[0], ContentFile(document[1]), save=False)
        _file_delete_later(old_document)
    module.save()
    module.items.set(items if values["kind"] == ModuleKind.QUIZ else [])
    _audit_module("training.module.update", module, actor)
    return module


def _positions_set(course: Course, ordered: list[Module]) -> None:
    """Renumber ``ordered`` 1..n without breaking the unique (course, position) on the
    way: first out of the way, then into place."""
    for offset, module in enumerate(ordered, start=1):
        Module.objects.filter(pk=module.pk).update(position=1000 + offset)
    for position, module in enumerate(ordered, start=1):
        Module.objects.filter(pk=module.pk).update(position=position)
        module.position = position


@transaction.atomic
def module_move(*, actor: Any, module: Module, position: int) -> Module:
    """Move a module to ``position`` (1 = first; clamped to the course's modules)."""
    require(actor, "training.manage", module.course)
    course = Course.objects.select_for_update().get(pk=module.course_id)
    ordered = list(course.modules.order_by("position", "pk"))
    current = next((m for m in ordered if m.pk == module.pk), None)
    if current is None:
        raise TrainingInputError({"module": _("Học phần không thuộc khoá này.")})
    ordered.remove(current)
    target = min(max(int(position), 1), len(ordered) + 1)
    ordered.insert(target - 1, current)
    _positions_set(course, ordered)
    _audit_module("training.module.move", current, actor, {"position": current.position})
    return current


@transaction.atomic
def module_delete(*, actor: Any, module: Module) -> None:
    """Delete a module: refused once anyone completed the course, once someone made
    progress on it, and for the last module of an online course open for enrolment."""
    require(actor, "training.manage", module.course)
    course = Course.objects.select_for_update().get(pk=module.course_id)
    _structure_frozen(course)
    if ModuleProgress.objects.filter(module=module).exists():
        raise TrainingInputError(
            {"module": _("Đã có học viên học xong học phần này: không xoá được.")}
        )
    if course.published and course.mode == CourseMode.ONLINE and course.modules.count() <= 1:
        raise TrainingInputError(
            {"module": _("Khoá trực tuyến đang mở đăng ký cần ít nhất một học phần.")}
        )
    _audit_module("training.module.delete", module, actor, {"title": module.title})
    _file_delete_later(module.document.name if module.document else "")
    module.delete()
    _positions_set(course, list(course.modules.order_by("position", "pk")))


# --------------------------------------------------------------------------- enrolments


@transaction.atomic
def enrolment_withdraw(*, actor: Any, enrolment: Enrolment) -> Enrolment:
    """Withdraw a learner ("training.manage" on their unit). A completed enrolment stays
    completed; attendance already recorded is kept."""
    require(actor, "training.manage", enrolment)
    enrolment = _lock(enrolment)
    if enrolment.status == EnrolmentStatus.COMPLETED:
        raise TrainingInputError(
            {"enrolment": _("Học viên đã hoàn thành khoá: không rút tên được.")}
        )
    if enrolment.status == EnrolmentStatus.WITHDRAWN:
        raise TrainingInputError({"enrolment": _("Học viên đã được rút tên khỏi khoá.")})
    enrolment.status = EnrolmentStatus.WITHDRAWN
    enrolment.save(update_fields=["status", "updated_at"])
    audit_record(
        action="training.withdraw",
        obj=enrolment,
        actor=actor,
        unit_code=enrolment.person.unit.code,
        data={"course": enrolment.course_id},
    )
    return enrolment


@transaction.atomic
def enrolment_reinstate(*, actor: Any, enrolment: Enrolment) -> Enrolment:
    """Enrol a withdrawn learner again, on the same terms as a new enrolment (a published
    course, an active person of its audience who completed its prerequisites)."""
    require(actor, "training.manage", enrolment)
    enrolment = _lock(enrolment)
    if enrolment.status != EnrolmentStatus.WITHDRAWN:
        raise TrainingInputError({"enrolment": _("Học viên đang trong danh sách ghi danh.")})
    if not enrolment.course.published:
        raise TrainingInputError({"course": _("Khoá bồi dưỡng chưa mở đăng ký.")})
    problem = _enrol_problem(enrolment.course, enrolment.person)
    if problem:
        raise TrainingInputError({"enrolment": problem})
    enrolment.status = EnrolmentStatus.ENROLLED
    enrolment.save(update_fields=["status", "updated_at"])
    audit_record(
        action="training.reinstate",
        obj=enrolment,
        actor=actor,
        unit_code=enrolment.person.unit.code,
        data={"course": enrolment.course_id},
    )
    return enrolment
