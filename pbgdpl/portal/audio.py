"""Spoken versions of articles: espeak-ng reads the text, lameenc makes a small MP3.

One ``ArticleAudio`` row per distinct spoken text of a page (the hash covers the text and
the voice settings): publishing a revision whose text did not change reuses the ready
file; a changed text gets a new row, generated in the background (django-tasks).

Writes: ``article_audio_schedule`` (called by ``services.portal_page_changed`` inside the
publishing transaction) and ``article_audio_generate`` (run by the task). Reads:
``article_audio_current`` (the ready row for the page's live text) and
``article_audio_player`` (what the article template shows, pending state included).
"""

import hashlib
import logging
import re
import shutil
import subprocess
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

import lameenc
from django.conf import settings
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ArticleAudio, ArticlePage, AudioStatus

logger = logging.getLogger(__name__)

# Bump when the way text becomes sound changes, so every text is read again.
AUDIO_FORMAT_VERSION = "1"
# Spoken after a text cut at PORTAL_AUDIO_MAX_CHARS.
TRUNCATED_NOTICE = "Bài viết còn tiếp. Mời bạn đọc toàn văn trên cổng thông tin."
_VOICE_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_+\-/]*$")
_SPACES_RE = re.compile(r"[ \t\r\f\v]+")
_READ_FRAMES = 1 << 16


class AudioError(Exception):
    """Generation failed for a reason worth showing to the editors (in Vietnamese)."""


# ----------------------------------------------------------------------------- the text
def article_audio_voice(page: ArticlePage) -> str | None:
    """The espeak-ng voice for the page's language, or None when there is none."""
    voices: dict[str, str] = getattr(settings, "PORTAL_AUDIO_VOICES", {"vi": "vi"})
    return voices.get(page.locale.language_code)


def article_audio_text(page: ArticlePage) -> str:
    """What is read aloud: the title, then the article's readable text.

    Whitespace is tidied; a text longer than ``PORTAL_AUDIO_MAX_CHARS`` (default 60,000
    characters, about an hour and a half of speech) is cut at the last sentence before
    the limit and ends with a spoken notice that the article continues on the site.
    """
    from .search_types import article_plain_text

    page = page.specific
    title = " ".join(page.title.split())
    if title and title[-1] not in ".?!:;…":
        title += "."
    lines = [_SPACES_RE.sub(" ", line).strip() for line in article_plain_text(page).split("\n")]
    text = "\n".join([title, *(line for line in lines if line)])
    limit = int(getattr(settings, "PORTAL_AUDIO_MAX_CHARS", 60_000))
    if len(text) > limit:
        head = text[: max(limit - len(TRUNCATED_NOTICE) - 2, 0)]
        cut = max(head.rfind(". "), head.rfind("\n"), head.rfind("? "), head.rfind("! "))
        if cut < len(head) // 2:
            cut = head.rfind(" ")
        head = head[: cut + 1] if cut > 0 else head
        text = f"{head.rstrip()}\n{TRUNCATED_NOTICE}"
    return text


def article_audio_hash(*, text: str, voice: str) -> str:
    """sha256 of the voice settings and the text: equal hashes give equal audio."""
    key = "|".join(
        [
            "espeak-ng",
            AUDIO_FORMAT_VERSION,
            voice,
            str(settings.PORTAL_AUDIO_SPEED),
            str(settings.PORTAL_AUDIO_BITRATE),
        ]
    )
    return hashlib.sha256(f"{key}\n{text}".encode()).hexdigest()


def _page_hash(page: ArticlePage) -> tuple[str, str] | None:
    voice = article_audio_voice(page)
    if voice is None:
        return None
    return voice, article_audio_hash(text=article_audio_text(page), voice=voice)


# ----------------------------------------------------------------------------- writes
@transaction.atomic
def article_audio_schedule(
    *, page: ArticlePage, revision=None, enqueue: bool = True
) -> ArticleAudio | None:
    """Make sure the page's current text has (or will have) an audio version.

    Returns the ready row when one exists for this text (pointed at ``revision``; no new
    generation), else a pending row whose generation is queued once the caller's
    transaction commits. A failed row, or a ready one whose file has gone missing, is
    queued again. Returns None when the page's language has no voice. With
    ``enqueue=False`` nothing is queued (the caller generates or queues itself).
    """
    page = page.specific
    found = _page_hash(page)
    if found is None:
        return None
    voice, text_hash = found
    if revision is None:
        revision = page.live_revision
    audio, created = ArticleAudio.objects.get_or_create(
        page=page,
        text_hash=text_hash,
        defaults={"voice": voice, "revision": revision, "status": AudioStatus.PENDING},
    )
    if created:
        if enqueue:
            article_audio_enqueue(audio_id=audio.pk)
        return audio
    file_ok = bool(audio.file) and audio.file.storage.exists(audio.file.name)
    if audio.status == AudioStatus.READY and file_ok:
        if revision is not None and audio.revision_id != revision.pk:
            audio.revision = revision
            audio.save(update_fields=["revision"])
        return audio
    requeue = audio.status != AudioStatus.PENDING
    audio.revision = revision or audio.revision
    audio.status = AudioStatus.PENDING
    audio.error = ""
    audio.finished_at = None
    audio.save(update_fields=["revision", "status", "error", "finished_at"])
    if requeue and enqueue:
        article_audio_enqueue(audio_id=audio.pk)
    return audio


def article_audio_enqueue(*, audio_id: int, force: bool = False) -> None:
    """Queue the generation once the current transaction commits (at once outside one).

    A failure to queue is logged, never raised into the caller's (already committed)
    request; ``portal_audio_generate`` picks such rows up later.
    """
    from .tasks import article_audio_generate_task

    def enqueue_audio_task() -> None:
        article_audio_generate_task.enqueue(audio_id=audio_id, force=force)

    # (a function, not a partial: Django logs a robust callback's failure by __qualname__)
    transaction.on_commit(enqueue_audio_task, robust=True)


def article_audio_generate(*, audio_id: int, force: bool = False) -> ArticleAudio:
    """Read the row's text aloud and store the MP3; returns the row, READY or FAILED.

    The text is taken from the row's revision (or the live page) and must still hash to
    the row's ``text_hash``. A ready row is returned as is unless ``force``. Every failure
    (no espeak-ng, timeout, bad output, text changed) is logged and recorded on the row
    as FAILED with the reason; only a missing row (``ArticleAudio.DoesNotExist``) raises.
    """
    audio = ArticleAudio.objects.select_related("page", "revision").get(pk=audio_id)
    if audio.status == AudioStatus.READY and audio.file and not force:
        return audio
    try:
        text = _text_for(audio)
        with tempfile.TemporaryDirectory(prefix="pbgdpl-audio-") as tmp:
            wav_path = _espeak(text=text, voice=audio.voice, workdir=Path(tmp))
            mp3_path = Path(tmp) / "speech.mp3"
            duration = _mp3_encode(wav_path=wav_path, mp3_path=mp3_path)
            return _store(audio=audio, mp3_path=mp3_path, duration=duration, force=force)
    except Exception as exc:  # recorded on the row: the worker loop must go on
        if isinstance(exc, AudioError):
            message = str(exc)
            logger.warning("Audio %s for page %s failed: %s", audio.pk, audio.page_id, message)
        else:
            message = _("Lỗi khi tạo bản đọc: %(error)s") % {
                "error": f"{type(exc).__name__}: {exc}"
            }
            logger.exception("Audio %s for page %s failed", audio.pk, audio.page_id)
        ArticleAudio.objects.filter(pk=audio.pk).exclude(status=AudioStatus.READY).update(
            status=AudioStatus.FAILED, error=message[:4000], finished_at=timezone.now()
        )
        audio.refresh_from_db()
        return audio


def _text_for(audio: ArticleAudio) -> str:
    """The text whose hash is the row's: the revision's content, else the live page's."""
    candidates = []
    if audio.revision is not None:
        try:
            candidates.append(audio.revision.as_object())
        except Exception:  # an old revision that no longer loads: fall back to the page
            logger.warning("Revision %s does not load; using the live page", audio.revision_id)
    candidates.append(audio.page)
    for page in candidates:
        text = article_audio_text(page)
        if article_audio_hash(text=text, voice=audio.voice) == audio.text_hash:
            return text
    raise AudioError(
        _(
            "Nội dung bài viết đã thay đổi sau khi yêu cầu tạo bản đọc; "
            "bản đọc mới sẽ được tạo cho nội dung hiện tại."
        )
    )


def _espeak(*, text: str, voice: str, workdir: Path) -> Path:
    """Run espeak-ng on ``text`` (from a file, never through a shell); the WAV's path."""
    configured = settings.PORTAL_AUDIO_ESPEAK_BINARY
    binary = shutil.which(configured)
    if binary is None:
        raise AudioError(
            _("Không tìm thấy chương trình đọc espeak-ng (%(binary)s) trên máy chủ.")
            % {"binary": configured}
        )
    if not _VOICE_RE.match(voice):
        raise AudioError(_("Giọng đọc không hợp lệ: %(voice)s.") % {"voice": voice})
    source = workdir / "text.txt"
    source.write_text(text, encoding="utf-8")
    wav_path = workdir / "speech.wav"
    command = [
        binary, "-v", voice, "-s", str(int(settings.PORTAL_AUDIO_SPEED)),
        "-b", "1", "-f", str(source), "-w", str(wav_path),
    ]  # fmt: skip
    timeout = int(settings.PORTAL_AUDIO_TIMEOUT)
    try:
        result = subprocess.run(  # noqa: S603 (a fixed argument list, no shell)
            command, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise AudioError(
            _("espeak-ng chạy quá %(seconds)d giây nên đã bị dừng.") % {"seconds": timeout}
        ) from exc
    stderr = result.stderr.decode("utf-8", "replace").strip()
    if result.returncode != 0:
        raise AudioError(
            _("espeak-ng báo lỗi (mã %(code)d): %(stderr)s")
            % {"code": result.returncode, "stderr": stderr[:1000]}
        )
    if not wav_path.exists() or wav_path.stat().st_size <= 44:
        raise AudioError(_("espeak-ng không tạo ra âm thanh. %(stderr)s") % {"stderr": stderr})
    return wav_path


def _mp3_encode(*, wav_path: Path, mp3_path: Path) -> float:
    """Encode the WAV as a mono constant-bitrate MP3, streaming; returns the duration."""
    try:
        with wave.open(str(wav_path), "rb") as wav, mp3_path.open("wb") as out:
            if wav.getsampwidth() != 2 or wav.getnchannels() != 1:
                raise AudioError(_("espeak-ng trả về định dạng âm thanh không mong đợi."))
            rate = wav.getframerate()
            encoder = lameenc.Encoder()
            encoder.set_bit_rate(int(settings.PORTAL_AUDIO_BITRATE))
            encoder.set_in_sample_rate(rate)
            encoder.set_channels(1)
            encoder.set_quality(2)
            frames = 0
            while chunk := wav.readframes(_READ_FRAMES):
                frames += len(chunk) // 2
                out.write(encoder.encode(chunk))
            out.write(encoder.flush())
    except (wave.Error, EOFError) as exc:
        message = _("Không đọc được âm thanh do espeak-ng tạo: %(error)s") % {"error": exc}
        raise AudioError(message) from exc
    if frames == 0:
        raise AudioError(_("espeak-ng không tạo ra âm thanh."))
    return frames / rate


def _store(*, audio: ArticleAudio, mp3_path: Path, duration: float, force: bool) -> ArticleAudio:
    """Save the MP3 as audio/<page>-<hash12>.mp3 and mark the row READY (once)."""
    with transaction.atomic():
        row = ArticleAudio.objects.select_for_update().get(pk=audio.pk)
        if row.status == AudioStatus.READY and row.file and not force:
            return row  # another worker finished first
        old_name = row.file.name if row.file else ""
        with mp3_path.open("rb") as fh:
            row.file.save(f"{row.page_id}-{row.text_hash[:12]}.mp3", File(fh), save=False)
        row.size_bytes = row.file.size
        row.duration_seconds = round(duration, 2)
        row.status = AudioStatus.READY
        row.error = ""
        row.finished_at = timezone.now()
        row.save(
            update_fields=["file", "size_bytes", "duration_seconds", "status", "error",
                           "finished_at"]
        )  # fmt: skip
        storage = row.file.storage
        if old_name and old_name != row.file.name:

            def delete_old_file() -> None:
                storage.delete(old_name)

            transaction.on_commit(delete_old_file, robust=True)
        transaction.on_commit(_page_cache_invalidate, robust=True)
    logger.info(
        "Audio %s for page %s ready: %s bytes, %.1f s",
        row.pk,
        row.page_id,
        row.size_bytes,
        duration,
    )
    return row


def _page_cache_invalidate() -> None:
    """Cached article pages said "being made": show the player now."""
    from .cache import page_cache_invalidate

    page_cache_invalidate()


# ----------------------------------------------------------------------------- reads
def audio_duration_label(seconds: float) -> str:
    """A duration as read by people: "2 phút 10 giây", "45 giây", "1 giờ 5 phút"."""
    total = max(1, round(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(_("%(n)d giờ") % {"n": hours})
    if minutes:
        parts.append(_("%(n)d phút") % {"n": minutes})
    if secs:
        parts.append(_("%(n)d giây") % {"n": secs})
    return " ".join(parts)


@dataclass(frozen=True)
class AudioPlayer:
    """What the article page shows: a ready file (``audio``) or that one is being made."""

    audio: ArticleAudio | None
    pending: bool = False

    @property
    def ready(self) -> bool:
        return self.audio is not None

    @property
    def url(self) -> str:
        return self.audio.file.url if self.audio else ""

    @property
    def size_kb(self) -> int:
        return max(1, round((self.audio.size_bytes or 0) / 1024)) if self.audio else 0

    @property
    def duration_label(self) -> str:
        return audio_duration_label(self.audio.duration_seconds or 0) if self.audio else ""


def article_audio_player(page: ArticlePage) -> AudioPlayer | None:
    """The audio state of the page's current text (one query): a player with the READY
    file, a pending player while the file for this text is being made, or None (no voice
    for the language, never scheduled, or failed)."""
    found = _page_hash(page.specific)
    if found is None:
        return None
    row = ArticleAudio.objects.filter(page_id=page.pk, text_hash=found[1]).first()
    if row is None:
        return None
    if row.status == AudioStatus.READY and row.file:
        return AudioPlayer(audio=row)
    if row.status == AudioStatus.PENDING:
        return AudioPlayer(audio=None, pending=True)
    return None


def article_audio_current(page: ArticlePage) -> ArticleAudio | None:
    """The READY audio of the page's current text, or None (also while a changed text's
    audio is still being made: the old file would read outdated text)."""
    player = article_audio_player(page)
    return player.audio if player else None
