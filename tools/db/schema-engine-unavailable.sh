#!/usr/bin/env sh
# Stands in for Prisma's downloadable schema engine, which these machines cannot fetch.
# `prisma generate` does not need it; anything that does (migrate, db push) must fail loudly
# rather than report success while doing nothing. Migrations run through `pnpm db:migrate`.
echo "Prisma's schema engine is not installed here: use 'pnpm db:migrate'." >&2
exit 1
