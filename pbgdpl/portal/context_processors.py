"""Reader display preferences (font size, high contrast), kept in a cookie; the reader's
chosen commune for the header (see ``local.py``).

The cookie holds ``<font_size>.<contrast>`` (e.g. ``large.on``). Anything else in it
is ignored, so a tampered cookie can never reach the template as a class name.
"""

from dataclasses import dataclass

from django.http import HttpRequest

from .local import local_commune

COOKIE_NAME = "pbgdpl_hien_thi"
COOKIE_MAX_AGE = 365 * 24 * 60 * 60  # one year

FONT_SIZES = ("normal", "large", "larger")
CONTRASTS = ("off", "on")


@dataclass(frozen=True)
class DisplayPreferences:
    font_size: str = "normal"
    contrast: str = "off"

    @property
    def high_contrast(self) -> bool:
        return self.contrast == "on"

    @property
    def css_classes(self) -> str:
        """Classes for <html>: ``fs-large``/``fs-larger`` and ``hc`` (never user text)."""
        classes = []
        if self.font_size != "normal":
            classes.append(f"fs-{self.font_size}")
        if self.high_contrast:
            classes.append("hc")
        return " ".join(classes)

    def cookie_value(self) -> str:
        return f"{self.font_size}.{self.contrast}"


def preferences_from_request(request: HttpRequest | None) -> DisplayPreferences:
    """The reader's saved preferences; the defaults for a missing or invalid cookie."""
    raw = request.COOKIES.get(COOKIE_NAME, "") if request is not None else ""
    font_size, _, contrast = raw.partition(".")
    return DisplayPreferences(
        font_size=font_size if font_size in FONT_SIZES else "normal",
        contrast=contrast if contrast in CONTRASTS else "off",
    )


def display_preferences(request: HttpRequest) -> dict:
    """Template context for base.html.

    ``display``: the preferences; ``display_next``: where the display form returns to;
    ``nav_section``: the first path segment ("van-ban", "hoi-dap", …) to mark the menu;
    ``local_commune``: the commune the reader chose (``local.py``), or None.
    """
    prefs = preferences_from_request(request)
    # Pages differ by the preferences cookie, so responses must say "Vary: Cookie".
    # SessionMiddleware adds that header to any response whose session was accessed;
    # marking it accessed costs nothing (no query, nothing saved unless modified).
    session = getattr(request, "session", None)
    if session is not None:
        session.accessed = True
    if request is None:
        return {"display": prefs, "display_next": "/", "nav_section": "", "local_commune": None}
    return {
        "display": prefs,
        "display_next": request.get_full_path(),
        "nav_section": request.path.strip("/").split("/", 1)[0],
        "local_commune": local_commune(request),
    }
