#!/bin/sh
# Runs inside the fixture copy: commit the templates as a project would.
set -e
git -c init.defaultBranch=main init -q
git add .
git -c user.name=t -c user.email=t@example.invalid -c commit.gpgsign=false commit -q -m "env templates"
