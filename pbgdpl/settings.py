"""Settings for PBGDPL Số, read from the environment.

Variables (all optional unless noted):
    DATABASE_URL    sqlite:///path or postgres://user@host:port/db (default: SQLite in var/)
    REDIS_URL       redis://host:port/db — shared cache and rate limits; local memory otherwise
    SECRET_KEY      required in production; demo/DEBUG generates one into var/secret_key
    DEBUG           1/true to enable debug (only for the demo); off by default
    ALLOWED_HOSTS   comma-separated host names
    CSRF_TRUSTED_ORIGINS  comma-separated origins (https://portal.example.vn)
    SECURE_SSL_REDIRECT, SECURE_HSTS_SECONDS  HTTPS hardening, on by default when DEBUG is off
    EMAIL_URL-style settings: EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD
    SITE_BASE_URL   public base URL of this node (used in links and exchange URIs)
    MEDIA_ROOT, STATIC_ROOT  file locations (default: var/media, var/static)
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    """Read a boolean environment variable (1/true/yes/on are true)."""
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    """Read a comma-separated environment variable as a list of stripped items."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)


def _secret_key() -> str:
    key = os.environ.get("SECRET_KEY", "").strip()
    if key:
        return key
    key_file = VAR_DIR / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    if DEBUG:
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(64)
        key_file.write_text(key)
        key_file.chmod(0o600)
        return key
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Set the SECRET_KEY environment variable "
        "(or run `make demo`, which generates one into var/secret_key)."
    )


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_BASE_URL = os.environ.get("SITE_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_BASE_URL

INSTALLED_APPS = [
    # our apps, lower floors first
    "pbgdpl.core",
    "pbgdpl.units",
    "pbgdpl.people",
    "pbgdpl.search",
    "pbgdpl.exchange",
    "pbgdpl.laws",
    "pbgdpl.portal",
    "pbgdpl.qa",
    "pbgdpl.contests",
    "pbgdpl.training",
    "pbgdpl.outreach",
    "pbgdpl.kpi",
    "pbgdpl.api",
    # wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.contrib.sitemaps",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "pbgdpl.people.apps.StaffUsersAppConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # security and background work
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "django_tasks",
    "django_tasks_db",
    # django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous page views by chosen commune, counted outside the page cache so that its
    # hits count too (portal/middleware.py).
    "pbgdpl.portal.middleware.LocalPageViewMiddleware",
    # Anonymous page-cache hits are answered here, before the rest (portal/cache.py).
    "pbgdpl.portal.cache.PageCacheMiddleware",
    # Pages travel gzipped (a law page of ~100 KB becomes ~20 KB on a weak network);
    # Django adds random padding against BREACH and masks CSRF tokens per response.
    # Inside the page cache, so a cached page is stored (and served) already compressed.
    "django.middleware.gzip.GZipMiddleware",
    "pbgdpl.core.middleware.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "pbgdpl.core.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "pbgdpl.core.middleware.RequestContextMiddleware",
    # The days an account is used, at most one write per account and day (people/middleware.py).
    "pbgdpl.people.middleware.AccountActivityMiddleware",
    "pbgdpl.people.middleware.StaffTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "pbgdpl.urls"
WSGI_APPLICATION = "pbgdpl.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "pbgdpl" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "pbgdpl.portal.context_processors.display_preferences",
            ],
        },
    },
]

# --- database --------------------------------------------------------------
VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL + a busy timeout make SQLite usable by a web server and a worker at once.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- cache -----------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "").strip()
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "pbgdpl"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- background tasks ------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

# --- users, login, 2FA, throttling ----------------------------------------
AUTH_USER_MODEL = "people.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "pbgdpl.people.backends.EmailOrPhoneBackend",
    "pbgdpl.people.backends.RoleBackOfficeBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "people:login"  # the public login (learners, citizens); staff use /admin/login/
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"
AXES_USERNAME_CALLABLE = "pbgdpl.people.identifiers.axes_username"
AXES_LOCKOUT_TEMPLATE = "people/lockout.html"
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0")) or None
AXES_VERBOSE = False
OTP_TOTP_ISSUER = "PBGDPL Số"
# Paths a logged-in staff member may use before enrolling/verifying the second factor.
STAFF_2FA_EXEMPT_PREFIXES = ["/admin/login/", "/admin/logout/", "/tai-khoan/xac-thuc-2-buoc/"]

# --- internationalisation ---------------------------------------------------
LANGUAGE_CODE = "vi"
# Jrai (jra), the largest ethnic minority language of Gia Lai, is a content language:
# pages can be translated into it. Django has no Jrai catalogue, so the interface around a
# Jrai page falls back to Vietnamese, which Jrai readers also read (docs/i18n.md).
LANG_INFO["jra"] = {"bidi": False, "code": "jra", "name": "Jarai", "name_local": "Jrai"}
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English")), ("jra", "Jrai")]
WAGTAIL_CONTENT_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English"), ("jra", "Jrai")]
# Languages whose pages live under a path prefix (/en/…, /jra/…); Vietnamese has none.
PREFIXED_CONTENT_LANGUAGES = [code for code, _name in WAGTAIL_CONTENT_LANGUAGES if code != "vi"]
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "pbgdpl" / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

# --- static and media -------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or env_bool("TESTING", False)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = DEBUG or env_bool("TESTING", False)
# Uploaded media (images, documents, audio) are served by the app only in the demo and in
# tests; production serves MEDIA_ROOT from the web server or object storage (docs/deploy.md).
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG or env_bool("TESTING", False))

# --- wagtail ----------------------------------------------------------------
WAGTAIL_SITE_NAME = "PBGDPL Số"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "xlsx", "odt", "txt", "mp3", "mp4", "zip"]
WAGTAIL_I18N_ENABLED = True
# Alt text is required when an image is uploaded (the "description" field).
WAGTAILIMAGES_IMAGE_FORM_BASE = "pbgdpl.portal.forms.ImageForm"
# No third-party requests from the back office: no Gravatar avatars (default icon instead).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

# --- security ----------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", not DEBUG)
if env_bool("BEHIND_TLS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

# Public pages: no inline script, no third-party origin at all.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "media-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# The Wagtail back office still sets inline styles (and a few inline scripts):
# staff pages get a policy that allows those, never a third-party origin.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, "'unsafe-inline'"],
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:", "blob:"],
        "frame-src": [SELF],
        "frame-ancestors": [SELF],
    }
}
CSP_ADMIN_PATH_PREFIXES = ["/admin/", "/django-admin/", "/api/v1/docs"]

# --- e-mail -----------------------------------------------------------------
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG or not os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "PBGDPL Số <no-reply@localhost>")

# --- logging ----------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# --- units ------------------------------------------------------------------
# Whether special zones (đặc khu) count as urban for the plan's urban/rural targets.
UNITS_SPECIAL_ZONE_URBAN = env_bool("UNITS_SPECIAL_ZONE_URBAN", False)
DEMO_PROVINCE = os.environ.get("DEMO_PROVINCE", "Gia Lai")

# ------------------------------------------------------------------ search
# Each app server keeps its own index here, fed from the database change log
# (docs/search.md). SEARCH_SYNC_INTERVAL: how often (seconds) a query checks the log.
SEARCH_INDEX_DIR = Path(os.environ.get("SEARCH_INDEX_DIR", VAR_DIR / "search"))
SEARCH_SYNC_INTERVAL = float(os.environ.get("SEARCH_SYNC_INTERVAL", "0.5"))
SEARCH_GAP_GRACE_SECONDS = float(os.environ.get("SEARCH_GAP_GRACE_SECONDS", "120"))
# Pasted legal texts in the back office can be long (a whole code is about 1 MB).
DATA_UPLOAD_MAX_MEMORY_SIZE = 6 * 1024 * 1024

# --- portal audio -------------------------------------------------------------
# Every published article gets a spoken version (espeak-ng → MP3 via lameenc), generated
# in the background per distinct text. Voices by content language; a language with no
# voice here (e.g. Jrai, which espeak-ng does not speak) gets no audio.
PORTAL_AUDIO_ESPEAK_BINARY = os.environ.get("PORTAL_AUDIO_ESPEAK_BINARY", "espeak-ng")
PORTAL_AUDIO_VOICES = {"vi": os.environ.get("PORTAL_AUDIO_VOICE", "vi"), "en": "en"}
PORTAL_AUDIO_SPEED = int(os.environ.get("PORTAL_AUDIO_SPEED", "150"))  # words per minute
PORTAL_AUDIO_BITRATE = int(os.environ.get("PORTAL_AUDIO_BITRATE", "40"))  # kbps, mono MP3
PORTAL_AUDIO_MAX_CHARS = int(os.environ.get("PORTAL_AUDIO_MAX_CHARS", "60000"))
PORTAL_AUDIO_TIMEOUT = int(os.environ.get("PORTAL_AUDIO_TIMEOUT", "600"))  # seconds per run

# --- portal page cache -------------------------------------------------------
# How long anonymous readers get a cached page (any publish invalidates all at once).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))

# --- exchange (shared data warehouse) -----------------------------------------
# This node's public base URL in global item URIs (<base>/id/<type>/<uuid>); SITE_BASE_URL
# when empty. Never change it once items have been published: peers know them by it.
EXCHANGE_NODE_URL = os.environ.get("EXCHANGE_NODE_URL", "").rstrip("/")
EXCHANGE_DEFAULT_LICENCE = os.environ.get(
    "EXCHANGE_DEFAULT_LICENCE", "CC BY 4.0 — ghi rõ nguồn khi phát hành lại"
)
# Push hints (WebSub-style, pbgdpl/exchange/push.py). Callbacks on loopback/private
# addresses are refused unless allowed (the demo and tests run nodes on 127.0.0.1).
EXCHANGE_ALLOW_PRIVATE_CALLBACKS = env_bool(
    "EXCHANGE_ALLOW_PRIVATE_CALLBACKS", DEBUG or env_bool("TESTING", False)
)
EXCHANGE_PUSH_TIMEOUT = float(os.environ.get("EXCHANGE_PUSH_TIMEOUT", "10"))
EXCHANGE_PUSH_MAX_AGE = int(os.environ.get("EXCHANGE_PUSH_MAX_AGE", "300"))
EXCHANGE_PUSH_MAX_FAILURES = int(os.environ.get("EXCHANGE_PUSH_MAX_FAILURES", "6"))
EXCHANGE_PUSH_RETRY_SECONDS = int(os.environ.get("EXCHANGE_PUSH_RETRY_SECONDS", "30"))
# OAI-PMH provider at /oai (pbgdpl/exchange/oai.py).
EXCHANGE_NODE_NAME = os.environ.get("EXCHANGE_NODE_NAME", "")
EXCHANGE_ADMIN_EMAIL = os.environ.get("EXCHANGE_ADMIN_EMAIL", "")
EXCHANGE_OAI_PAGE_SIZE = int(os.environ.get("EXCHANGE_OAI_PAGE_SIZE", "100"))
EXCHANGE_OAI_TOKEN_MAX_AGE = int(os.environ.get("EXCHANGE_OAI_TOKEN_MAX_AGE", "86400"))

# Legal Q&A: answer deadline in working days (per field in the back office), how long the
# asker's personal data is kept after the question is closed, and the per-address limit
# on questions sent (questions, seconds).
QA_ANSWER_WORKING_DAYS = int(os.environ.get("QA_ANSWER_WORKING_DAYS", "10"))
QA_PERSONAL_DATA_RETENTION_DAYS = int(os.environ.get("QA_PERSONAL_DATA_RETENTION_DAYS", "365"))
QA_ASK_RATE = (
    int(os.environ.get("QA_ASK_RATE_COUNT", "10")),
    int(os.environ.get("QA_ASK_RATE_SECONDS", "3600")),
)

# Contests: registrations per client address and window (a school registering a class from
# one address needs room), and the grace for answers in flight at the deadline.
CONTEST_REGISTER_RATE = (
    int(os.environ.get("CONTEST_REGISTER_RATE_COUNT", "60")),
    int(os.environ.get("CONTEST_REGISTER_RATE_SECONDS", "3600")),
)
CONTEST_DEADLINE_GRACE_SECONDS = int(os.environ.get("CONTEST_DEADLINE_GRACE_SECONDS", "3"))
CONTEST_PERSONAL_DATA_RETENTION_DAYS = int(
    os.environ.get("CONTEST_PERSONAL_DATA_RETENTION_DAYS", "365")
)
