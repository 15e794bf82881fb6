import json
from pathlib import Path

from bot.account import summarize

FIXTURE = Path(__file__).parent / "fixtures" / "account.json"


def test_summary():
    s = summarize(json.loads(FIXTURE.read_text()))
    assert s["account_number"] == "PA6KLQEC8IJ5"
    assert s["account_id"] == "6a26a148-338c-4207-ae0f-a57f8e9caefa"
    assert s["equity"] == 101334.72
