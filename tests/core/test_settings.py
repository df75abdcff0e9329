"""Settings from the environment: production passes `check --deploy`; no key, no start."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _manage(*args, env_extra, tmp_path):
    return _python("manage.py", *args, env_extra=env_extra, tmp_path=tmp_path)


def _python(*args, env_extra, tmp_path):
    """Run Python in a fresh process with only the given environment (no test settings)."""
    env = {
        "PATH": os.environ.get("PATH", ""),
        "HOME": str(tmp_path),
        "VAR_DIR": str(tmp_path / "var"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        **env_extra,
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_settings_pass_check_deploy(tmp_path):
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        tmp_path=tmp_path,
        env_extra={
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "phapluat.gialai.gov.vn",
        },
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    result = _manage("check", tmp_path=tmp_path, env_extra={})
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_demo_generates_and_keeps_a_secret_key(tmp_path):
    first = _manage("check", tmp_path=tmp_path, env_extra={"DEBUG": "1"})
    assert first.returncode == 0, first.stderr
    key_file = tmp_path / "var" / "secret_key"
    key = key_file.read_text()
    assert len(key) >= 50
    assert oct(key_file.stat().st_mode)[-3:] == "600"
    _manage("check", tmp_path=tmp_path, env_extra={"DEBUG": "1"})
    assert key_file.read_text() == key


def test_database_url_and_redis_url_are_read():
    from django.conf import settings

    assert settings.DATABASES["default"]["ENGINE"] in {
        "django.db.backends.sqlite3",
        "django.db.backends.postgresql",
    }
    assert settings.TIME_ZONE == "Asia/Ho_Chi_Minh"
    assert settings.LANGUAGE_CODE == "vi"
    assert [code for code, _ in settings.LANGUAGES] == ["vi", "en", "jra"]


def test_redis_url_switches_the_cache(tmp_path):
    code = (
        "import django,os;django.setup();from django.conf import settings;"
        "print(settings.CACHES['default']['BACKEND'])"
    )
    result = _python(
        "-c",
        code,
        tmp_path=tmp_path,
        env_extra={
            "SECRET_KEY": "x" * 60,
            "DJANGO_SETTINGS_MODULE": "pbgdpl.settings",
            "REDIS_URL": "redis://127.0.0.1:6379/3",
        },
    )
    assert result.stdout.strip() == "django.core.cache.backends.redis.RedisCache", result.stderr
