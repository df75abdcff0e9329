"""Health check, OpenAPI document and security headers."""

import pytest

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_when_the_database_does(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert "no-cache" in response.headers.get("Cache-Control", "")


def test_healthz_reports_503_when_the_database_fails(client, monkeypatch):
    from django.db.backends.utils import CursorWrapper

    def broken(self, sql, params=None):
        raise RuntimeError("database down")

    monkeypatch.setattr(CursorWrapper, "execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "error"


def test_openapi_document_is_valid(client):
    from openapi_spec_validator import validate

    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    spec = response.json()
    validate(spec)
    assert spec["openapi"].startswith("3.")
    assert "/api/v1/units" in spec["paths"]


def test_security_headers_on_public_pages(client):
    response = client.get("/healthz")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp


def test_back_office_gets_its_own_policy_without_third_parties(client):
    response = client.get("/admin/login/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "http" not in csp.replace("https:", "")


def test_portal_is_vietnamese_whatever_the_browser_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.headers["Content-Language"] == "vi"
    assert "Trang chủ" in response.content.decode()


def test_english_when_the_reader_chooses_it(client):
    chosen = client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert chosen.status_code == 302
    response = client.get("/")
    assert response.headers["Content-Language"] == "en"
    assert "Legal Dissemination and Education Portal" in response.content.decode()
    client.cookies["django_language"] = "xx"
    assert client.get("/").headers["Content-Language"] == "vi"
