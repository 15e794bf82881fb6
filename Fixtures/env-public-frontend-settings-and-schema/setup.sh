git init -q
git add -A
git commit -q -m "frontend settings, env schema and a frontend .env"
