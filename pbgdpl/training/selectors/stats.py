"""The training indicators per unit and period (people in the registry, trained, share
of training delivered online by sessions and by trainee-hours), each with its definition."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from pbgdpl.units.models import Unit

from ..models import (
    Attendance,
    CourseMode,
    Enrolment,
    EnrolmentStatus,
)
from .registry import people_in_registry


@dataclass
class TrainingStats:
    """The training indicators of one unit (and its subtree) over one period; see
    ``training_stats`` for each definition."""

    unit_code: str
    unit_name: str
    date_from: date
    date_to: date
    in_registry: int
    trained: int
    trained_share: float | None
    deliveries: int
    deliveries_online: int
    online_share_deliveries: float | None
    trainee_hours: float
    trainee_hours_online: float
    online_share_hours: float | None
    definitions: dict[str, str]


def _share(part: float, whole: float) -> float | None:
    return round(part / whole, 4) if whole else None


def training_stats(*, unit: Unit, date_from: date, date_to: date) -> TrainingStats:
    """The training indicators of ``unit``'s subtree for the local days
    ``date_from``..``date_to`` (both included):

    - in_registry: people in the registry there on ``date_to`` (by their unit history),
      not marked ended;
    - trained: those of them who completed at least one qualifying course in the period;
    - deliveries: training sessions of qualifying courses held in the period that at least
      one of those people attended, plus, once per course, each self-paced online course
      that at least one of them completed in the period; online = online sessions and
      the online courses;
    - trainee-hours: for each attendance at such a session, the session's length; for
      each completion of an online course, the course's hours; online = both kinds held
      online.
    """
    start = timezone.make_aware(datetime.combine(date_from, time.min))
    end = timezone.make_aware(datetime.combine(date_to + timedelta(days=1), time.min))
    people = people_in_registry(unit_path=unit.path, on=date_to)
    person_ids = set(people.values_list("pk", flat=True))
    completions = Enrolment.objects.filter(
        person_id__in=person_ids,
        status=EnrolmentStatus.COMPLETED,
        completed_at__gte=start,
        completed_at__lt=end,
        course__qualifying=True,
    )
    trained = completions.values("person_id").distinct().count()
    attended = (
        Attendance.objects.filter(
            present=True,
            enrolment__person_id__in=person_ids,
            session__course__qualifying=True,
            session__starts_at__gte=start,
            session__starts_at__lt=end,
        )
        .select_related("session")
        .only("session__id", "session__online", "session__starts_at", "session__ends_at")
    )
    sessions: dict[int, bool] = {}
    hours = hours_online = 0.0
    for attendance in attended:
        session = attendance.session
        sessions[session.pk] = session.online
        length = (session.ends_at - session.starts_at).total_seconds() / 3600
        hours += length
        if session.online:
            hours_online += length
    online_completions = list(
        completions.filter(course__mode=CourseMode.ONLINE).values_list("course_id", "course__hours")
    )
    online_courses = {course_id for course_id, _ in online_completions}
    for _course, course_hours in online_completions:
        hours += float(course_hours)
        hours_online += float(course_hours)
    deliveries = len(sessions) + len(online_courses)
    deliveries_online = sum(1 for online in sessions.values() if online) + len(online_courses)
    in_registry = len(person_ids)
    return TrainingStats(
        unit_code=unit.code,
        unit_name=unit.name,
        date_from=date_from,
        date_to=date_to,
        in_registry=in_registry,
        trained=trained,
        trained_share=_share(trained, in_registry),
        deliveries=deliveries,
        deliveries_online=deliveries_online,
        online_share_deliveries=_share(deliveries_online, deliveries),
        trainee_hours=round(hours, 2),
        trainee_hours_online=round(hours_online, 2),
        online_share_hours=_share(hours_online, hours),
        definitions=STATS_DEFINITIONS,
    )


STATS_DEFINITIONS = {
    "in_registry": _(
        "Số người trong danh sách báo cáo viên, tuyên truyền viên, cán bộ làm công tác phổ "
        "biến, giáo dục pháp luật của đơn vị (kể cả đơn vị trực thuộc) vào ngày cuối kỳ."
    ),
    "trained": _(
        "Số người trong danh sách đã hoàn thành ít nhất một khoá bồi dưỡng kỹ năng số "
        "(khoá tính vào chỉ tiêu) trong kỳ."
    ),
    "trained_share": _("Số người được bồi dưỡng chia cho số người trong danh sách."),
    "online_share_deliveries": _(
        "Theo buổi: số buổi học trực tuyến (kể cả mỗi khoá tự học trực tuyến có người hoàn "
        "thành) chia cho tổng số buổi học có người trong danh sách tham dự trong kỳ."
    ),
    "online_share_hours": _(
        "Theo giờ học: giờ học trực tuyến của học viên (độ dài buổi học trực tuyến đã dự; số "
        "giờ của khoá tự học trực tuyến đã hoàn thành) chia cho tổng giờ học của học viên."
    ),
}
