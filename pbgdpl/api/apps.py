from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "pbgdpl.api"
    label = "api"
    verbose_name = "API"
