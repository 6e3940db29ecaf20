"""A short plain-text reply about one error code that a chatbot (or staff) can send as is."""

from __future__ import annotations

from app.lookup import Presented

# Content-language phrases; the UI's own strings live in the Babel catalogues.
PHRASES = {
    "ja": {
        "means": "{code} は次のエラーです: {description}",
        "steps": "対処方法:",
        "retry": {
            "yes": "同じリクエストを少し待ってから再試行すると成功する可能性があります。",
            "no": "同じリクエストを再試行しても成功しません。",
            "after_fix": "原因を直してからリクエストを送り直してください(そのままの再試行では成功しません)。",
        },
        "support": "解決しない場合は、エラー応答の RequestId を添えて Tencent Cloud のサポートにお問い合わせください。",
        "unknown": "(説明はまだありません)",
    },
    "en": {
        "means": "{code} means: {description}",
        "steps": "What to do:",
        "retry": {
            "yes": "Retrying the same request after a short wait can succeed.",
            "no": "Retrying the same request will not succeed.",
            "after_fix": "Fix the cause first, then send the request again (a plain retry will fail again).",
        },
        "support": "If this does not solve it, contact Tencent Cloud support and quote the RequestId of the error response.",
        "unknown": "(no description yet)",
    },
}
PHRASES["zh"] = PHRASES["en"]  # replies in Chinese content keep English guidance phrases


def compose_answer(presented: Presented, lang: str) -> str:
    phrases = PHRASES.get(lang, PHRASES["en"])
    entry = presented.entry
    lines = [
        phrases["means"].format(code=entry.code, description=presented.description or phrases["unknown"])
    ]
    if presented.remediation:
        lines.append(phrases["steps"])
        lines.extend(f"{n}. {step}" for n, step in enumerate(presented.remediation, start=1))
    lines.append(phrases["retry"].get(entry.retryable, phrases["retry"]["after_fix"]))
    lines.append(phrases["support"])
    return "\n".join(lines)
