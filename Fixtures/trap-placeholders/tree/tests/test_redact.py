import pytest

from bot.redact import looks_like_key_id, mask_key

FAKE_KEY_ID = "PK" + "A" * 20
DUMMY_PAIR = ("PKXYZ123ABC456DEF789", "X" * 40)


@pytest.mark.parametrize("value", [
    "PKTESTK2M9Q4W7ZR8N3V",
    "PK85___YOUR_KEY___6PVN",
    "PK1234567890ABCDEF",
    "PKXYZ123ABC456DEF789",
])
def test_masking_keeps_prefix(value):
    assert mask_key(value).startswith("PK")


def test_placeholders_are_not_keys():
    assert not looks_like_key_id("PKXXXXXXXXXXXXXXXXXX")
    assert not looks_like_key_id("your-alpaca-api-key")
    assert not looks_like_key_id(FAKE_KEY_ID)
