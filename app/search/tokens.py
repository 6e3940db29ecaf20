"""Search: one tokenizer turns catalogue texts (when indexing) and typed queries (when querying) into index tokens.

Indexing and querying must cut text the same way, or a word indexed one way is searched another and
never found; so both sides call `text_tokens` and `code_tokens` and nothing else.

- Latin script: words, split at CamelCase boundaries (`InstanceIds` -> `instance`, `id`, plus the
  whole `instanceid`), folded, lightly stemmed (`expired`, `expires`, `expire` -> `expir`), stop-words
  dropped.
- Japanese and Chinese: no spaces to split at, so every run of CJK characters becomes overlapping
  character bigrams (`期限切れ` -> `期限`, `限切`, `切れ`), after katakana is folded to hiragana.  The
  text side also indexes each kanji on its own, so a one-kanji query (`鍵`) has something to meet.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from app.search.normalize import fold_kana

# Words that carry no meaning for error lookup.  "not" and "no" stay: "not found" is a symptom.
STOP_WORDS = frozenset(
    "a an and are as at be been being but by can could did do does for from had has have how i if in "
    "into is it its me my of on or our please should so that the their then there these this those to "
    "was we were what when where which while who why will with would you your".split()
)

# Bigrams of Japanese inflection and politeness ("です", "ません", "してください"), and Chinese
# function characters: they appear in most texts and would otherwise make such a query match all.
STOP_BIGRAMS = frozenset(
    "です ます ませ せん した して しま する され れま れて ている てい いる くだ ださ さい ので "
    "この その ため こと もの よう どう なぜ とき には では での への から まし".split()
)
STOP_UNIGRAMS = frozenset("的 了 是 在 和 与 或 及 等 该 此 其 之 为 请")

# Runs of Latin letters and digits, or of CJK characters (hiragana, katakana with the long-vowel
# mark, CJK ideographs, 々 and 〆).  Everything else separates tokens.
_RUN = re.compile(
    r"(?P<cjk>[\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    r"\uf900-\ufaff\u3005\u3006]+)|(?P<word>[A-Za-z0-9\u00c0-\u024f]+)"
)
# CamelCase pieces: `BYOLImage` -> BYOL, Image; `TooManyDB` -> Too, Many, DB; digits apart.
_CAMEL = re.compile(r"[A-Z\u00c0-\u00de]+(?=[A-Z\u00c0-\u00de][a-z\u00df-\u00ff])|[A-Z\u00c0-\u00de]?[a-z\u00df-\u024f]+|[A-Z\u00c0-\u00de]+|[0-9]+")
_KATAKANA_SPLIT = re.compile(r"[\u30a1-\u30fa\u30fc-\u30ff]+|[^\u30a1-\u30fa\u30fc-\u30ff]+")
# A particle between two kanji or katakana: a word boundary no dictionary is needed for.
_CONTENT = "\u30a1-\u30fa\u30fc-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005"
_PARTICLE = re.compile(f"(?<=[{_CONTENT}])[がのをにはでともへや](?=[{_CONTENT}])")
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3005]")


def stem(word: str) -> str:
    """Strip one inflectional English ending, so `requests`/`request`, `expired`/`expire` meet.

    Deliberately crude and symmetric: the stem only has to be the same for both spellings, not a
    real word.  Words ending in -ss, -us, -is keep their final s (`access`, `status`, `analysis`).
    """
    if len(word) <= 2 or not word.isascii() or not word.isalpha():
        return word
    if word.endswith(("ies", "ied")) and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ing") and len(word) >= 7:
        return word[:-3]
    if word.endswith("ed") and len(word) >= 6:
        return word[:-2]
    if word.endswith("es") and len(word) >= 4:
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    if word.endswith("e") and len(word) >= 4:
        return word[:-1]
    return word


def camel_pieces(word: str) -> list[str]:
    """The CamelCase pieces of a Latin word as written: `BYOLImageShare` -> BYOL, Image, Share."""
    return _CAMEL.findall(word) or [word]


@lru_cache(maxsize=1 << 16)
def word_tokens(word: str) -> tuple[str, ...]:
    """Tokens of one Latin word as written (case intact): its CamelCase pieces, and the whole word."""
    pieces = camel_pieces(word)
    tokens = [stem(piece.lower()) for piece in pieces]
    if len(pieces) > 1:
        tokens.append(stem(word.lower()))
    return tuple(token for token in tokens if token not in STOP_WORDS)


def is_kanji(char: str) -> bool:
    """Whether `char` is a CJK ideograph (or the iteration mark 々)."""
    return _HAN.match(char) is not None


def cjk_words(run: str) -> list[tuple[int, str]]:
    """(offset, kana-folded text) of the words of a CJK run as written.

    Japanese has no spaces, but two cuts are safe without a dictionary: where katakana starts or
    stops (a loanword is a word: `リクエスト|頻度`), and at a lone particle between two content
    characters (`署名|が|無効`, `残高|が|不足`), which is dropped.  Chinese text passes unchanged.
    """
    words = []
    start = 0
    for cut in (*_PARTICLE.finditer(run), None):
        end = cut.start() if cut else len(run)
        for piece in _KATAKANA_SPLIT.finditer(run, start, end):
            words.append((piece.start(), fold_kana(piece.group())))
        start = cut.end() if cut else end
    return words


def word_bigrams(word: str) -> list[tuple[int, str]]:
    """(offset, token) of one CJK word: its overlapping bigrams, or a lone kanji as itself (a lone
    kana is not a word); stop bigrams and stop characters dropped."""
    if len(word) == 1:
        return [(0, word)] if _HAN.match(word) and word not in STOP_UNIGRAMS else []
    return [(i, word[i : i + 2]) for i in range(len(word) - 1) if word[i : i + 2] not in STOP_BIGRAMS]


def iter_runs(text: str) -> Iterator[tuple[str, str]]:
    """("word", run) and ("cjk", run) pairs of NFKC text, in order, as written (not case-folded)."""
    for match in _RUN.finditer(unicodedata.normalize("NFKC", text)):
        yield ("cjk" if match.lastgroup == "cjk" else "word"), match.group()


def text_tokens(text: str) -> list[str]:
    """Index tokens of a description or remediation step (with repeats, for term frequency)."""
    tokens: list[str] = []
    for match in _RUN.finditer(unicodedata.normalize("NFKC", text)):
        if match.lastgroup == "word":
            tokens += word_tokens(match.group())
            continue
        for _, word in cjk_words(match.group()):
            tokens += [token for _, token in word_bigrams(word)]
    return tokens


def code_tokens(code: str) -> list[str]:
    """Tokens of a code for text search: each segment whole, and its CamelCase words.

    `AuthFailure.SignatureExpire` -> authfailure, auth, failure, signatureexpire, signatur(e), expir(e).
    """
    tokens: list[str] = []
    for segment in code.split("."):
        tokens.extend(word_tokens(segment))
    return tokens


def code_word_starts(code: str) -> list[int]:
    """Offsets in `code` where a CamelCase word or a dotted segment begins (0 excluded).

    These are where a partial code may start: `SignatureExpire` and `Expire` inside
    `AuthFailure.SignatureExpire`, never `ureExpire`.
    """
    starts: set[int] = set()
    offset = 0
    for segment in code.split("."):
        for piece in _CAMEL.finditer(segment):
            starts.add(offset + piece.start())
        offset += len(segment) + 1
    starts.discard(0)
    return sorted(starts)


# Query expansion: how support staff and customers describe an error, mapped to the words the
# catalogue uses (code words, English and Chinese descriptions).  Most product codes have no Japanese
# text, so a Japanese symptom must be able to reach English code words; and people say "too many
# requests" where the catalogue says "frequency limit".  Keys are matched on the folded query.
SYNONYMS: dict[str, str] = {
    # Japanese
    "署名": "signature 签名",
    "期限切れ": "expired 过期",
    "有効期限": "expired 过期",
    "失効": "expired 过期",
    "見つからない": "not found 不存在",
    "見つかりません": "not found 不存在",
    "存在しない": "not found 不存在",
    "存在しません": "not found 不存在",
    "頻度": "frequency limit 频率",
    "頻繁": "frequency limit 频繁",
    "多すぎ": "too many exceeded 过多",
    "リクエスト": "request 请求",
    "権限": "permission unauthorized 权限",
    "認可": "unauthorized authorization 授权",
    "許可": "permission 允许",
    "無効": "invalid 无效",
    "不正": "invalid 非法",
    "パラメータ": "parameter 参数",
    "パラメーター": "parameter 参数",
    "インスタンス": "instance 实例",
    "イメージ": "image 镜像",
    "セキュリティグループ": "security group 安全组",
    "サブネット": "subnet 子网",
    "クラウドディスク": "disk 云硬盘",
    "ディスク": "disk 磁盘",
    "スナップショット": "snapshot 快照",
    "ロードバランサー": "load balancer 负载均衡",
    "証明書": "certificate 证书",
    "ドメイン": "domain 域名",
    "バケット": "bucket 存储桶",
    "トークン": "token",
    "シークレット": "secret 密钥",
    "暗号鍵": "secret key 密钥",
    "キー": "key 密钥",
    "タイムアウト": "timeout 超时",
    "残高": "balance 余额",
    "不足": "insufficient 不足",
    "上限": "limit exceeded 上限",
    "超過": "exceeded 超过",
    "クォータ": "quota limit 配额",
    "使用中": "in use 占用",
    "売り切れ": "sold out 售罄",
    "在庫": "stock sold out 库存",
    "内部エラー": "internal error 内部错误",
    "サポートされていない": "unsupported 不支持",
    "未対応": "unsupported 不支持",
    "重複": "duplicate already exists 重复",
    "既に存在": "already exists 已存在",
    "すでに存在": "already exists 已存在",
    "リージョン": "region 地域",
    "ネットワーク": "network 网络",
    "タイムスタンプ": "timestamp 时间戳",
    "バージョン": "version 版本",
    "アカウント": "account 账号",
    "ユーザー": "user 用户",
    "ロール": "role 角色",
    "ポリシー": "policy 策略",
    "パスワード": "password 密码",
    "データベース": "database 数据库",
    "形式": "format malformed 格式",
    "削除": "delete 删除",
    "作成": "create 创建",
    "失敗": "failed 失败",
    "認証": "authentication 认证 鉴权",
    "課金": "billing 计费",
    "支払い": "payment 支付",
    # English
    "too many": "frequency limit exceeded",
    "too frequent": "frequency limit exceeded",
    "rate limit": "request frequency exceeded",
    "throttled": "request frequency limit exceeded",
    "throttling": "request frequency limit exceeded",
    "429": "request frequency limit exceeded",
    "does not exist": "not found",
    "doesn't exist": "not found",
    "forbidden": "unauthorized permission denied",
    "access denied": "unauthorized permission",
    "permission denied": "unauthorized",
    "timed out": "timeout",
    "out of stock": "sold out insufficient",
    "quota": "limit exceeded",
    "in use": "inuse occupied",
    "not supported": "unsupported",
    "arrears": "balance insufficient overdue",
    "clock": "timestamp expired",
}


def _synonym_phrases() -> list[tuple[str | tuple[str, ...], tuple[str, ...]]]:
    """SYNONYMS as the query side compares them: a CJK phrase kana-folded, a Latin phrase as its
    lower-cased words; the expansion as index tokens."""
    phrases: list[tuple[str | tuple[str, ...], tuple[str, ...]]] = []
    for phrase, expansion in SYNONYMS.items():
        runs = list(iter_runs(phrase))
        key: str | tuple[str, ...]
        if runs[0][0] == "cjk":
            key = fold_kana(runs[0][1])
        else:
            key = tuple(run.lower() for _, run in runs)
        phrases.append((key, tuple(text_tokens(expansion))))
    return phrases


SYNONYM_PHRASES = _synonym_phrases()
