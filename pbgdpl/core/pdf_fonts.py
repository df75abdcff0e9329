"""The one font of every PDF we produce (certificates, review reports, demo documents):
Source Sans Pro from the ``font-source-sans-pro`` package, which covers every Vietnamese
letter and tone mark and needs no system font or download."""

import os

_REGISTERED = False


def pdf_fonts() -> tuple[str, str]:
    """Register Source Sans Pro with ReportLab (once per process) and return the names of
    the regular and bold faces."""
    global _REGISTERED
    if not _REGISTERED:
        import font_source_sans_pro
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        folder = os.path.join(os.path.dirname(font_source_sans_pro.__file__), "files")
        for name, file in (
            ("SourceSans", "SourceSansPro-Regular.ttf"),
            ("SourceSans-Bold", "SourceSansPro-Bold.ttf"),
        ):
            if name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(name, os.path.join(folder, file)))
        _REGISTERED = True
    return "SourceSans", "SourceSans-Bold"
