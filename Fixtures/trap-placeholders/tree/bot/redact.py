import re

_KEY_ID = re.compile(r"^(PK|AK|CK)[A-Z0-9]{18}$")


def mask_key(key: str) -> str:
    """PKQ3...LV4B style masking for logs."""
    return key[:2] + "****" + key[-4:]


def looks_like_key_id(value: str) -> bool:
    return bool(_KEY_ID.match(value)) and "XXXX" not in value
