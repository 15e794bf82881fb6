from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = "django-insecure-s$*$x-$18z@4#)%l&a!ywheu=b7u4ny&gv%1pvn9(kvbes1j4q"

DEBUG = False
ALLOWED_HOSTS = ["dashboard.acme.dev"]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "reports",
]

DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}
