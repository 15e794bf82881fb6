#!/bin/sh
# Runs inside the fixture copy (after dot-gitignore files were renamed to .gitignore).
set -e
git -c init.defaultBranch=main init -q
export GIT_AUTHOR_DATE="2021-03-04T10:00:00Z" GIT_COMMITTER_DATE="2021-03-04T10:00:00Z"
git -c user.name=t -c user.email=t@example.invalid -c commit.gpgsign=false add .env.production index.js
git -c user.name=t -c user.email=t@example.invalid -c commit.gpgsign=false commit -q -m "first version"
export GIT_AUTHOR_DATE="2022-06-01T09:30:00Z" GIT_COMMITTER_DATE="2022-06-01T09:30:00Z"
printf '# bot\n\nRuns the live strategy.\n' > README.md
git -c user.name=t -c user.email=t@example.invalid -c commit.gpgsign=false add README.md
git -c user.name=t -c user.email=t@example.invalid -c commit.gpgsign=false commit -q -m "readme"
export GIT_AUTHOR_DATE="2023-11-20T16:45:00Z" GIT_COMMITTER_DATE="2023-11-20T16:45:00Z"
printf 'node_modules/\n.env*\n' > .gitignore
git -c user.name=t -c user.email=t@example.invalid -c commit.gpgsign=false add .gitignore
git -c user.name=t -c user.email=t@example.invalid -c commit.gpgsign=false commit -q -m "ignore env files"
