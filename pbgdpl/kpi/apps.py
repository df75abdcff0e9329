from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KpiConfig(AppConfig):
    name = "pbgdpl.kpi"
    label = "kpi"
    verbose_name = _("Theo dõi, đánh giá: chỉ tiêu của kế hoạch")
