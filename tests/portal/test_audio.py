"""Audio versions of articles: scheduling on publish, generation, reuse, failure, player."""

import shutil
import stat
import subprocess

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from wagtail.models import Page
from wagtail.rich_text import RichText

from pbgdpl.portal import audio as audio_module
from pbgdpl.portal.audio import (
    TRUNCATED_NOTICE,
    article_audio_current,
    article_audio_generate,
    article_audio_player,
    article_audio_schedule,
    article_audio_text,
    audio_duration_label,
)
from pbgdpl.portal.models import ArticleAudio, AudioStatus, GuidancePage, HomePage, SectionPage
from pbgdpl.portal.tasks import article_audio_generate_task

pytestmark = pytest.mark.django_db

needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None, reason="espeak-ng is not installed on this machine"
)

IMMEDIATE = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
DUMMY = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TASKS = DUMMY  # nothing runs unless a test says so


@pytest.fixture
def section():
    home = HomePage.objects.get(locale__language_code="vi")
    section = home.add_child(instance=SectionPage(title="Hướng dẫn pháp luật", slug="huong-dan"))
    section.save_revision().publish()
    return section


def _body(text: str) -> list:
    return [("paragraph", RichText(f"<p>{text}</p>"))]


@pytest.fixture
def guidance(section):
    page = section.add_child(
        instance=GuidancePage(
            title="Đăng ký khai sinh cho trẻ",
            slug="dang-ky-khai-sinh",
            summary="Thủ tục đăng ký khai sinh tại Ủy ban nhân dân xã.",
            body=_body("Cha mẹ cần mang theo giấy chứng sinh và giấy tờ tùy thân."),
            live=False,
        )
    )
    return page


def _publish(page: Page, **changes) -> None:
    """Publish a new revision of ``page`` with ``changes``, as the editor's button does."""
    page = GuidancePage.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


@pytest.fixture
def espeak_calls(monkeypatch):
    """Count the espeak-ng runs (the real program still runs)."""
    calls = []
    real_run = subprocess.run

    def counting_run(command, *args, **kwargs):
        calls.append(command)
        return real_run(command, *args, **kwargs)

    monkeypatch.setattr(audio_module.subprocess, "run", counting_run)
    return calls


def _mp3_frame(data: bytes) -> tuple[int, int, int]:
    """The first MPEG audio frame header: (version bits, bitrate index, channel mode)."""
    offset = 0
    if data[:3] == b"ID3":
        size = data[6:10]
        offset = 10 + (size[0] << 21 | size[1] << 14 | size[2] << 7 | size[3])
    b1, b2, b3 = data[offset + 1], data[offset + 2], data[offset + 3]
    assert data[offset] == 0xFF and b1 & 0xE0 == 0xE0, "no MPEG frame sync at the start"
    assert (b1 >> 1) & 0b11 == 0b01, "not Layer III"
    return (b1 >> 3) & 0b11, b2 >> 4, b3 >> 6


# ----------------------------------------------------------------------------- generation
@needs_espeak
def test_publishing_queues_and_the_task_makes_a_small_mono_mp3(
    guidance, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = IMMEDIATE
    with django_capture_on_commit_callbacks(execute=True):
        _publish(guidance)

    audio = ArticleAudio.objects.get(page=guidance)
    page = GuidancePage.objects.get(pk=guidance.pk)
    assert audio.status == AudioStatus.READY, audio.error
    assert audio.revision_id == page.live_revision_id
    assert audio.voice == "vi"
    assert audio.file.name == f"audio/{guidance.pk}-{audio.text_hash[:12]}.mp3"
    data = audio.file.read()
    assert audio.size_bytes == len(data) > 1000
    version, bitrate_index, channel_mode = _mp3_frame(data)
    # MPEG-2 (22.05 kHz from espeak-ng), 40 kbps (index 5), mono (mode 3).
    assert (version, bitrate_index, channel_mode) == (0b10, 5, 0b11)
    assert 2 < audio.duration_seconds < 60
    # A constant 40 kbps stream: the size matches the duration.
    assert len(data) * 8 / 40_000 == pytest.approx(audio.duration_seconds, rel=0.15)
    assert audio.finished_at is not None and audio.error == ""


@needs_espeak
def test_generation_reads_the_title_then_the_text(guidance, espeak_calls, settings):
    _publish(guidance)
    audio = ArticleAudio.objects.get(page=guidance)
    text = article_audio_text(GuidancePage.objects.get(pk=guidance.pk))
    assert text.splitlines()[0] == "Đăng ký khai sinh cho trẻ."
    assert "giấy chứng sinh" in text and "Ủy ban nhân dân xã" in text

    article_audio_generate(audio_id=audio.pk)

    [command] = espeak_calls
    assert command[0] == shutil.which("espeak-ng")
    assert command[command.index("-v") + 1] == "vi"
    assert command[command.index("-s") + 1] == str(settings.PORTAL_AUDIO_SPEED)
    assert text not in command  # the text goes through a file, never the arguments


@needs_espeak
def test_republishing_the_same_text_reuses_the_file(guidance, espeak_calls):
    _publish(guidance)
    first = article_audio_generate(audio_id=ArticleAudio.objects.get(page=guidance).pk)
    assert len(espeak_calls) == 1

    _publish(guidance, seo_title="Tiêu đề khác cho máy tìm kiếm")  # the spoken text is the same

    again = ArticleAudio.objects.get(page=guidance)
    page = GuidancePage.objects.get(pk=guidance.pk)
    assert again.pk == first.pk and again.status == AudioStatus.READY
    assert again.file.name == first.file.name
    assert again.revision_id == page.live_revision_id != first.revision_id
    assert article_audio_generate(audio_id=again.pk).pk == first.pk
    assert len(espeak_calls) == 1
    assert article_audio_current(page) == again


@needs_espeak
def test_changed_text_gets_a_new_pending_row_then_a_new_file(guidance):
    _publish(guidance)
    old = article_audio_generate(audio_id=ArticleAudio.objects.get(page=guidance).pk)

    _publish(guidance, body=_body("Nội dung mới: hồ sơ nộp trực tuyến trên Cổng dịch vụ công."))

    page = GuidancePage.objects.get(pk=guidance.pk)
    new = ArticleAudio.objects.exclude(pk=old.pk).get(page=guidance)
    assert new.status == AudioStatus.PENDING and new.text_hash != old.text_hash
    assert new.revision_id == page.live_revision_id
    # The old file reads outdated text: the page offers none while the new one is made.
    assert article_audio_current(page) is None
    player = article_audio_player(page)
    assert player is not None and player.pending and not player.ready

    made = article_audio_generate(audio_id=new.pk)

    assert made.status == AudioStatus.READY
    assert made.file.name != old.file.name
    assert article_audio_current(page) == made
    old.refresh_from_db()
    assert old.status == AudioStatus.READY and old.file.storage.exists(old.file.name)


@needs_espeak
def test_a_ready_row_whose_file_vanished_is_made_again(
    guidance, django_capture_on_commit_callbacks
):
    _publish(guidance)
    audio = article_audio_generate(audio_id=ArticleAudio.objects.get(page=guidance).pk)
    audio.file.storage.delete(audio.file.name)

    with django_capture_on_commit_callbacks() as callbacks:
        _publish(guidance)

    audio.refresh_from_db()
    assert audio.status == AudioStatus.PENDING
    assert any(cb.__name__ == "enqueue_audio_task" for cb in callbacks)


def test_long_text_is_cut_at_a_sentence_and_says_so(guidance, settings):
    settings.PORTAL_AUDIO_MAX_CHARS = 300
    sentence = "Người dân được hướng dẫn nộp hồ sơ đúng hạn. "
    page = GuidancePage.objects.get(pk=guidance.pk)
    page.body = _body(sentence * 40)

    text = article_audio_text(page)

    assert len(text) <= 300
    assert text.endswith(TRUNCATED_NOTICE)
    assert text.removesuffix(TRUNCATED_NOTICE).rstrip().endswith("đúng hạn.")


# ----------------------------------------------------------------------------- failures
def test_missing_binary_records_failed_and_publishing_again_retries(
    guidance, settings, django_capture_on_commit_callbacks
):
    settings.PORTAL_AUDIO_ESPEAK_BINARY = "/nonexistent/espeak-ng"
    settings.TASKS = IMMEDIATE
    with django_capture_on_commit_callbacks(execute=True):
        _publish(guidance)

    audio = ArticleAudio.objects.get(page=guidance)
    assert audio.status == AudioStatus.FAILED
    assert "Không tìm thấy chương trình đọc espeak-ng" in audio.error
    assert "/nonexistent/espeak-ng" in audio.error
    assert not audio.file
    page = GuidancePage.objects.get(pk=guidance.pk)
    assert article_audio_player(page) is None
    assert article_audio_generate_task.call(audio_id=audio.pk) == "failed"

    settings.TASKS = DUMMY
    with django_capture_on_commit_callbacks() as callbacks:
        _publish(guidance)
    audio.refresh_from_db()
    assert audio.status == AudioStatus.PENDING and audio.error == ""
    assert any(cb.__name__ == "enqueue_audio_task" for cb in callbacks)


def _fake_binary(tmp_path, script: str) -> str:
    path = tmp_path / "fake-espeak"
    path.write_text(f"#!/bin/sh\n{script}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return str(path)


def test_an_espeak_error_is_recorded_with_its_message(guidance, settings, tmp_path):
    settings.PORTAL_AUDIO_ESPEAK_BINARY = _fake_binary(
        tmp_path, "echo 'voice not found' >&2; exit 3"
    )
    _publish(guidance)

    audio = article_audio_generate(audio_id=ArticleAudio.objects.get(page=guidance).pk)

    assert audio.status == AudioStatus.FAILED
    assert "mã 3" in audio.error and "voice not found" in audio.error


def test_a_hanging_espeak_is_stopped(guidance, settings, tmp_path):
    settings.PORTAL_AUDIO_ESPEAK_BINARY = _fake_binary(tmp_path, "exec sleep 30")
    settings.PORTAL_AUDIO_TIMEOUT = 1
    _publish(guidance)

    audio = article_audio_generate(audio_id=ArticleAudio.objects.get(page=guidance).pk)

    assert audio.status == AudioStatus.FAILED
    assert "quá 1 giây" in audio.error


def test_a_row_whose_text_no_longer_exists_fails_cleanly(guidance):
    _publish(guidance)
    audio = ArticleAudio.objects.get(page=guidance)
    ArticleAudio.objects.filter(pk=audio.pk).update(text_hash="0" * 64, revision=None)

    audio = article_audio_generate(audio_id=audio.pk)

    assert audio.status == AudioStatus.FAILED
    assert "Nội dung bài viết đã thay đổi" in audio.error


def test_the_task_of_a_deleted_page_does_nothing(guidance):
    _publish(guidance)
    audio_id = ArticleAudio.objects.get(page=guidance).pk
    GuidancePage.objects.get(pk=guidance.pk).delete()

    assert not ArticleAudio.objects.filter(pk=audio_id).exists()
    assert article_audio_generate_task.call(audio_id=audio_id) == "missing"


def test_a_language_without_voice_gets_no_audio(guidance, settings):
    settings.PORTAL_AUDIO_VOICES = {"en": "en"}
    page = GuidancePage.objects.get(pk=guidance.pk)

    assert article_audio_schedule(page=page) is None
    assert article_audio_player(page) is None
    _publish(guidance)
    assert not ArticleAudio.objects.filter(page=guidance).exists()


def test_publish_queues_one_task_in_the_database_backend(
    guidance, settings, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        _publish(guidance)
    with django_capture_on_commit_callbacks(execute=True):
        _publish(guidance)  # same text: nothing more to do

    audio = ArticleAudio.objects.get(page=guidance)
    # (Wagtail queues its own tasks too: the search and reference indexes.)
    [queued] = DBTaskResult.objects.filter(task_path=article_audio_generate_task.module_path)
    assert queued.args_kwargs["kwargs"] == {"audio_id": audio.pk, "force": False}
    assert audio.status == AudioStatus.PENDING


def test_publish_schedules_inside_the_transaction_and_queues_after_commit(guidance):
    """Nothing is queued when the publishing transaction rolls back."""
    with pytest.raises(RuntimeError), transaction.atomic():
        _publish(guidance)
        assert ArticleAudio.objects.filter(page=guidance).exists()
        raise RuntimeError("rollback")
    assert not ArticleAudio.objects.filter(page=guidance).exists()


# ----------------------------------------------------------------------------- the page
@needs_espeak
def test_the_article_page_has_a_player_and_a_download_link(guidance, client):
    _publish(guidance)
    audio = article_audio_generate(audio_id=ArticleAudio.objects.get(page=guidance).pk)
    page = GuidancePage.objects.get(pk=guidance.pk)

    html = client.get(page.url).content.decode()

    assert '<section class="article-audio" aria-labelledby="article-audio-title">' in html
    assert '<h2 id="article-audio-title" class="article-audio__title">Nghe bài viết</h2>' in html
    url = audio.file.url
    assert url.startswith("/media/audio/")
    assert f'controls preload="none" src="{url}"' in html
    size_kb = max(1, round(audio.size_bytes / 1024))
    label = f"Tải về (MP3, {size_kb} KB, {audio_duration_label(audio.duration_seconds)})"
    assert f'<a href="{url}" download type="audio/mpeg">{label}</a>' in html
    assert "<script" not in html.split('class="article-audio"')[1].split("</section>")[0]


def test_the_article_page_says_when_the_audio_is_being_made(guidance, client):
    _publish(guidance)
    page = GuidancePage.objects.get(pk=guidance.pk)

    html = client.get(page.url).content.decode()

    assert "Nghe bài viết" in html
    assert 'role="status">Bản đọc đang được tạo.' in html
    assert "<audio" not in html.split('class="article-audio"')[1].split("</section>")[0]


def test_a_failed_audio_shows_no_player(guidance, client, settings):
    settings.PORTAL_AUDIO_ESPEAK_BINARY = "/nonexistent/espeak-ng"
    _publish(guidance)
    article_audio_generate(audio_id=ArticleAudio.objects.get(page=guidance).pk)

    html = client.get(GuidancePage.objects.get(pk=guidance.pk).url).content.decode()

    assert "article-audio" not in html and "Nghe bài viết" not in html


@pytest.mark.parametrize(
    ("seconds", "label"),
    [(130, "2 phút 10 giây"), (45.4, "45 giây"), (0.2, "1 giây"), (120, "2 phút"),
     (3905, "1 giờ 5 phút 5 giây")],
)  # fmt: skip
def test_duration_label(seconds, label):
    assert audio_duration_label(seconds) == label


# ----------------------------------------------------------------------------- the command
@needs_espeak
def test_command_now_makes_the_missing_audio_then_skips_it(guidance, capsys):
    guidance.save_revision().publish()  # through the signal: a pending row, never generated

    call_command("portal_audio_generate", "--missing", "--now")
    out = capsys.readouterr().out
    assert "Bài viết: 1; đã có bản đọc: 0; đã xếp hàng: 0; đã tạo: 1; lỗi: 0" in out
    audio = ArticleAudio.objects.get(page=guidance)
    assert audio.status == AudioStatus.READY

    call_command("portal_audio_generate", "--missing", "--now", "--page", str(guidance.pk))
    assert "Bài viết: 1; đã có bản đọc: 1; đã xếp hàng: 0; đã tạo: 0" in capsys.readouterr().out


def test_command_queues_in_the_background_by_default(
    guidance, settings, capsys, django_capture_on_commit_callbacks
):
    guidance.save_revision().publish()
    settings.PORTAL_AUDIO_ESPEAK_BINARY = "/nonexistent/espeak-ng"
    settings.TASKS = IMMEDIATE

    with django_capture_on_commit_callbacks(execute=True):
        call_command("portal_audio_generate")

    assert "Bài viết: 1; đã có bản đọc: 0; đã xếp hàng: 1" in capsys.readouterr().out
    assert ArticleAudio.objects.get(page=guidance).status == AudioStatus.FAILED  # it ran


def test_command_reports_failures_and_unknown_pages(guidance, settings):
    guidance.save_revision().publish()
    settings.PORTAL_AUDIO_ESPEAK_BINARY = "/nonexistent/espeak-ng"
    with pytest.raises(CommandError, match="1 bản đọc tạo không thành công"):
        call_command("portal_audio_generate", "--now")
    with pytest.raises(CommandError, match="Không có bài viết đang đăng với mã trang: 999999"):
        call_command("portal_audio_generate", "--page", "999999")
