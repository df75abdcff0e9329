"""Item statistics of the question bank, from graded attempts (classical test theory).

Only graded attempts count (submitted, or closed at the deadline, and graded); attempts
in progress do not. For each item:

- **exposures** (lượt ra đề): how many of those attempts drew the item;
- **answered** (lượt trả lời): how many selected at least one choice (the rest left it
  blank; a blank counts as wrong);
- **correct** (lượt đúng): how many selected exactly the item's correct choices — the
  grading rule of :func:`pbgdpl.contests.services.attempt_grade`;
- **difficulty index** ``p = correct / exposures`` (chỉ số độ khó; higher is easier);
  None without any exposure;
- **discrimination index** ``D = p_upper − p_lower`` (chỉ số phân biệt): the attempts
  that drew the item are ranked by their total score (the share of their items answered
  correctly; ties keep the order the attempts started), the top 27 % form the upper
  group and the bottom 27 % the lower group (Kelley: ``round(0.27 × n)`` attempts each),
  and ``p_upper``/``p_lower`` are the shares of each group answering the item correctly.
  D runs from −1 to 1; None with fewer than 10 exposures;
- **point-biserial** ``r_pb`` (hệ số tương quan điểm – nhị phân): Pearson's correlation
  between the item (1 correct, 0 not) and the score on the *other* items of the same
  attempt (share correct without this item), so the item does not correlate with
  itself. None with fewer than 10 exposures, or when either side does not vary;
- **choices**: how often each choice was selected (a multiple-answer item counts each
  selected choice), with its letter in the bank (A = first) and whether it is correct.

Reading the numbers (:func:`item_flags` turns them into advice):

- ``D ≥ 0.3`` discriminates well; ``0.1 ≤ D < 0.3`` acceptable, could improve;
  ``D < 0.1`` review the item; ``D < 0`` — the strong group fails it more often than
  the weak one: the key is probably wrong or the wording misleading;
- ``p > 0.9`` too easy; ``p < 0.2`` too hard (or the key is wrong);
- a wrong choice picked more often than the correct one, or a wrong choice almost nobody
  picks (< 5 %, a distractor that does not distract), deserve a look.

One pass over the attempts (``values_list`` streamed with ``iterator``), then one query
for the choices: two queries in all; the work grows with attempts × items drawn (10,000
attempts of five items: about 0.5 s on the development machine).
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .models import Attempt, AttemptStatus, Choice

MIN_EXPOSURES_FOR_DISCRIMINATION = 10
GROUP_SHARE = 0.27
TOO_EASY = 0.9
TOO_HARD = 0.2
GOOD_DISCRIMINATION = 0.3
LOW_DISCRIMINATION = 0.1
RARE_DISTRACTOR = 0.05
MANY_BLANKS = 0.2
LETTERS = "ABCDEFGHIJ"


@dataclass
class ChoiceStats:
    choice_id: int
    letter: str  # its place in the bank (A = first), whatever order attempts showed
    is_correct: bool
    picked: int = 0


@dataclass
class ItemStats:
    item_id: int
    exposures: int = 0
    answered: int = 0
    correct: int = 0
    difficulty: float | None = None  # p
    discrimination: float | None = None  # D
    point_biserial: float | None = None
    group_size: int = 0  # attempts in each of the upper and lower groups (0: no D)
    choices: list[ChoiceStats] = field(default_factory=list)

    @property
    def blank(self) -> int:
        """Exposures left without any choice selected."""
        return self.exposures - self.answered


def _ids(values: Iterable[Any]) -> list[Any]:
    return [getattr(v, "pk", v) for v in values]


def _pearson(xs: list[float], ys: list[float]) -> float | None:
    n = len(xs)
    if n < 2:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx <= 0 or syy <= 0:
        return None
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    return sxy / math.sqrt(sxx * syy)


def item_statistics(
    *, items: Iterable[Any] | None = None, rounds: Iterable[Any] | None = None
) -> dict[int, ItemStats]:
    """Statistics per item id (definitions in the module docstring) over the graded
    attempts of ``rounds`` (Round objects, ids or a QuerySet; None: every round),
    for ``items`` (Item objects or ids; None: every item drawn). An item asked for but
    never drawn gets zero exposures and None indexes."""
    attempts = Attempt.objects.filter(graded_at__isnull=False).exclude(status=AttemptStatus.ACTIVE)
    if rounds is not None:
        attempts = attempts.filter(round__in=_ids(rounds))
    wanted = None if items is None else set(_ids(items))

    # exposure: (attempt order, attempt score, attempt correct, attempt total, selected)
    exposures: dict[int, list[tuple[int, float, int, int, frozenset[int]]]] = {}
    if wanted is not None:
        exposures = {pk: [] for pk in wanted}
    rows = attempts.order_by("started_at", "id").values_list("correct", "total", "draw", "answers")
    for order, (right, total, draw, answers) in enumerate(rows.iterator(chunk_size=1000)):
        right = right or 0
        score = right / total if total else 0.0
        answers = answers or {}
        for entry in draw or []:
            item_id = entry["item"]
            if wanted is not None and item_id not in wanted:
                continue
            selected = frozenset(answers.get(str(item_id)) or ())
            exposures.setdefault(item_id, []).append((order, score, right, total, selected))

    choices: dict[int, list[ChoiceStats]] = {}
    for item_id, choice_id, position, is_correct in (
        Choice.objects.filter(item_id__in=list(exposures))
        .order_by("item_id", "position")
        .values_list("item_id", "id", "position", "is_correct")
    ):
        letter = LETTERS[position] if position < len(LETTERS) else str(position + 1)
        choices.setdefault(item_id, []).append(ChoiceStats(choice_id, letter, is_correct))

    result: dict[int, ItemStats] = {}
    for item_id, seen in exposures.items():
        item_choices = choices.get(item_id, [])
        key = frozenset(c.choice_id for c in item_choices if c.is_correct)
        picks: Counter[int] = Counter()
        marks: list[int] = []
        for _order, _score, _right, _total, selected in seen:
            picks.update(selected)
            marks.append(1 if selected == key else 0)
        for choice in item_choices:
            choice.picked = picks.get(choice.choice_id, 0)
        n = len(seen)
        stats = ItemStats(
            item_id=item_id,
            exposures=n,
            answered=sum(1 for s in seen if s[4]),
            correct=sum(marks),
            choices=item_choices,
        )
        if n:
            stats.difficulty = stats.correct / n
        if n >= MIN_EXPOSURES_FOR_DISCRIMINATION:
            ranked = sorted(range(n), key=lambda i: (-seen[i][1], seen[i][0]))
            group = max(1, math.floor(GROUP_SHARE * n + 0.5))
            upper = sum(marks[i] for i in ranked[:group]) / group
            lower = sum(marks[i] for i in ranked[-group:]) / group
            stats.discrimination = upper - lower
            stats.group_size = group
            xs: list[float] = []
            rest: list[float] = []
            for mark, (_order, _score, right, total, _selected) in zip(marks, seen, strict=True):
                if total > 1:
                    xs.append(mark)
                    rest.append((right - mark) / (total - 1))
            if len(xs) >= MIN_EXPOSURES_FOR_DISCRIMINATION:
                stats.point_biserial = _pearson(xs, rest)
        result[item_id] = stats
    return result


def _num(value: float) -> str:
    return number_format(round(value, 2), decimal_pos=2)


def _percent(value: float) -> str:
    return number_format(round(value * 100), decimal_pos=0) + "%"


def item_flags(stats: ItemStats) -> list[str]:
    """Advice in Vietnamese for one item from its statistics (empty: nothing to say).
    Bands as in the module docstring."""
    if stats.exposures == 0:
        return [_("Chưa có bài thi đã chấm nào ra câu này: chưa có số liệu.")]
    flags: list[str] = []
    p = stats.difficulty or 0.0
    if p > TOO_EASY:
        flags.append(
            _(
                "Quá dễ (p = %(p)s): hầu hết người dự thi trả lời đúng; câu này không giúp "
                "phân loại, cân nhắc dùng cho luyện tập hoặc thay bằng câu khó hơn."
            )
            % {"p": _num(p)}
        )
    elif p < TOO_HARD:
        flags.append(
            _(
                "Quá khó (p = %(p)s): rất ít người trả lời đúng; kiểm tra lại đáp án, cách "
                "diễn đạt và văn bản căn cứ."
            )
            % {"p": _num(p)}
        )
    d = stats.discrimination
    if d is None:
        flags.append(
            _("Chưa đủ %(n)s lượt làm bài để tính độ phân biệt (mới có %(have)s).")
            % {"n": MIN_EXPOSURES_FOR_DISCRIMINATION, "have": stats.exposures}
        )
    elif d < 0:
        flags.append(
            _(
                "Độ phân biệt âm (D = %(d)s): nhóm làm bài tốt lại sai câu này nhiều hơn nhóm "
                "làm bài kém; nhiều khả năng đáp án bị ghi nhầm hoặc câu hỏi gây hiểu lầm."
            )
            % {"d": _num(d)}
        )
    elif d < LOW_DISCRIMINATION:
        flags.append(
            _(
                "Độ phân biệt thấp (D = %(d)s): câu hỏi không phân biệt được người nắm vững "
                "và chưa nắm vững kiến thức; cần xem lại."
            )
            % {"d": _num(d)}
        )
    elif d < GOOD_DISCRIMINATION:
        flags.append(
            _(
                "Độ phân biệt trung bình (D = %(d)s): dùng được, có thể cải thiện các phương "
                "án nhiễu."
            )
            % {"d": _num(d)}
        )
    correct_picks = [c.picked for c in stats.choices if c.is_correct]
    best_correct = max(correct_picks, default=0)
    tempting = [c.letter for c in stats.choices if not c.is_correct and c.picked > best_correct]
    if tempting:
        flags.append(
            _(
                "Phương án sai %(letters)s được chọn nhiều hơn đáp án đúng: kiểm tra lại đáp "
                "án hoặc cách diễn đạt."
            )
            % {"letters": ", ".join(tempting)}
        )
    if stats.exposures >= MIN_EXPOSURES_FOR_DISCRIMINATION:
        idle = [
            c.letter
            for c in stats.choices
            if not c.is_correct and c.picked < RARE_DISTRACTOR * stats.exposures
        ]
        if idle:
            flags.append(
                _(
                    "Phương án %(letters)s hầu như không ai chọn (dưới 5%%): phương án nhiễu "
                    "không có tác dụng, nên thay bằng phương án hợp lý hơn."
                )
                % {"letters": ", ".join(idle)}
            )
        if stats.blank > MANY_BLANKS * stats.exposures:
            flags.append(
                _("Nhiều người bỏ trống câu này (%(share)s lượt): câu hỏi có thể khó hiểu.")
                % {"share": _percent(stats.blank / stats.exposures)}
            )
    return flags
