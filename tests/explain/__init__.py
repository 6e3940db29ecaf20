"""Explain tests: a small hand-made catalogue shaped like the real one (common, category, client and
product codes with official en/zh descriptions) and its products."""

from __future__ import annotations

from functools import lru_cache

from app.entries import Entry, Text
from app.explain import ExplainCatalog

# (code, product, kind, en, zh): product None for common codes, category entries and client codes.
ROWS: tuple[tuple[str, str | None, str, str | None, str | None], ...] = (
    ("AuthFailure.SignatureExpire", None, "code", "Signature expired.", "签名过期。"),
    ("AuthFailure.SignatureFailure", None, "code", "Invalid signature.", "签名错误。"),
    ("AuthFailure.SecretIdNotFound", None, "code", "The key does not exist.", "密钥不存在。"),
    ("AuthFailure.UnauthorizedOperation", None, "code", "The request is not authorized.", None),
    ("FailedOperation", None, "code", "Operation failed.", "操作失败。"),
    ("InternalError", None, "code", "Internal error.", "内部错误。"),
    ("InvalidParameter", None, "code", "Incorrect parameter.", "参数错误。"),
    ("InvalidParameterValue", None, "code", "Invalid parameter value.", "参数取值错误。"),
    ("LimitExceeded", None, "code", "Quota limit exceeded.", "超过配额限制。"),
    ("MissingParameter", None, "code", "A parameter is missing.", "缺少参数。"),
    ("RequestLimitExceeded", None, "code", "The number of requests exceeds the frequency limit.", None),
    ("ResourceNotFound", None, "code", "The resource does not exist.", "资源不存在。"),
    ("UnauthorizedOperation", None, "code", "Unauthorized operation.", "未授权操作。"),
    ("OperationDenied", None, "category", "Operation denied.", None),
    ("ResourceInsufficient", None, "category", "Insufficient resource.", None),
    ("Credential", None, "category", "Credential problem.", None),
    ("ClientNetworkError", None, "client", "The SDK could not reach the endpoint.", None),
    ("ClientError", None, "client", "The SDK rejected the call.", None),
    ("ClientError.NetworkError", None, "client", "The SDK could not reach the endpoint.", None),
    ("ServerNetworkError", None, "client", "The endpoint answered with an HTTP error.", None),
    ("InvalidParameterValue.InstanceTypeNotFound", "cvm", "code", "The instance type does not exist.", None),
    ("ResourceInsufficient.SpecifiedInstanceType", "cvm", "code", "The instance type is sold out.", None),
    ("ResourceInsufficient.SpecifiedInstanceType", "tke", "code", "The instance type is sold out.", None),
    ("LimitExceeded.InstanceQuota", "cvm", "code", "Instance quota exceeded.", "实例配额不足。"),
    ("InvalidInstanceId.NotFound", "cvm", "code", "The instance does not exist.", None),
    ("SystemError", "cvm", "code", "System error.", None),
    ("OperationDenied.InstanceLocked", "cvm", "code", "The instance is locked.", None),
    ("UnauthorizedOperation.NotHavePaymentRight", "cbs", "code", "No payment right.", "暂无付费权限。"),
    ("ResourceNotFound.ClusterNotFound", "tke", "code", "The cluster does not exist.", None),
    ("FailedOperation.InsufficientBalance", "clb", "code", "Insufficient balance.", None),
    ("ResourceNotFound.InstanceNotFound", "redis", "code", "The instance does not exist.", None),
    (
        "FailedOperation.TemplateIncorrectOrUnapproved",
        "sms",
        "code",
        "The template is not approved or the request content does not match the approved template content.",
        "模板未审批或请求的内容与审核通过的模板内容不匹配。",
    ),
    ("FailedOperation.PhoneNumberInBlacklist", "sms", "code", "The phone number is in the blacklist.", None),
    ("FailedOperation.NumberBlocked", "vms", "code", "The phone number is in the blacklist.", None),
    ("InvalidParameter.ParamError", "cam", "code", "Parameter error.", None),
    ("InvalidParameter.Paramerror", "dlc", "code", "Parameter error.", None),
)

PRODUCTS: dict[str, dict] = {
    "autoscaling": {"endpoint": "as.tencentcloudapi.com", "aliases": ["as"], "en": "Auto Scaling"},
    "cam": {"endpoint": "cam.tencentcloudapi.com", "aliases": [], "en": "CAM"},
    "cbs": {"endpoint": "cbs.tencentcloudapi.com", "aliases": [], "en": "Cloud Block Storage"},
    "cdb": {"endpoint": "cdb.tencentcloudapi.com", "aliases": ["mysql"], "en": "TencentDB for MySQL"},
    "clb": {"endpoint": "clb.tencentcloudapi.com", "aliases": [], "en": "Cloud Load Balancer"},
    "cvm": {"endpoint": "cvm.tencentcloudapi.com", "aliases": [], "en": "Cloud Virtual Machine"},
    "dlc": {"endpoint": "dlc.tencentcloudapi.com", "aliases": [], "en": "Data Lake Compute"},
    "live": {"endpoint": "live.tencentcloudapi.com", "aliases": ["css"], "en": "Cloud Streaming Services"},
    "redis": {"endpoint": "redis.tencentcloudapi.com", "aliases": [], "en": "TencentDB for Redis"},
    "sms": {"endpoint": "sms.tencentcloudapi.com", "aliases": [], "en": "Short Message Service"},
    "tke": {"endpoint": "tke.tencentcloudapi.com", "aliases": [], "en": "Tencent Kubernetes Engine"},
    "vms": {"endpoint": "vms.tencentcloudapi.com", "aliases": [], "en": "Voice Message Service"},
    "vpc": {"endpoint": "vpc.tencentcloudapi.com", "aliases": [], "en": "Virtual Private Cloud"},
}


def make_entries() -> list[Entry]:
    entries = []
    for number, (code, product, kind, en, zh) in enumerate(ROWS, start=1):
        origin = "official" if kind == "code" else "project"
        texts = {lang: Text(text, origin) for lang, text in (("en", en), ("zh", zh)) if text}
        source = {"code": "official" if product else "seed", "category": "project", "client": "sdk"}[kind]
        entries.append(
            Entry(
                id=number,
                code=code,
                product=product,
                category=code.split(".", 1)[0],
                source=source,
                retryable="after_fix",
                kind=kind,
                descriptions=texts,
            )
        )
    return entries


@lru_cache(maxsize=1)
def small_catalog() -> ExplainCatalog:
    """The hand-made catalogue prepared once for every test of the package (it is immutable)."""
    return ExplainCatalog.from_entries(make_entries(), PRODUCTS)
