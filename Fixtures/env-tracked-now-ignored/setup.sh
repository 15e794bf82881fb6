#!/bin/sh
# Runs inside the fixture copy (after dot-gitignore files were renamed to .gitignore).
set -e
git -c init.defaultBranch=main init -q
git -c user.name=t -c user.email=t@example.invalid -c commit.gpgsign=false add .env app.py
git -c user.name=t -c user.email=t@example.invalid -c commit.gpgsign=false commit -q -m "initial bot"
printf '.env\n__pycache__/\n' > .gitignore
git -c user.name=t -c user.email=t@example.invalid -c commit.gpgsign=false add .gitignore
git -c user.name=t -c user.email=t@example.invalid -c commit.gpgsign=false commit -q -m "ignore .env"
