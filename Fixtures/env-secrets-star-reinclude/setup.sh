#!/bin/sh
# Runs inside the fixture copy (after dot-gitignore files were renamed to .gitignore).
set -e
git -c init.defaultBranch=main init -q
