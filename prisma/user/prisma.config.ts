import { defineConfig } from 'prisma/config';

// Read without env(): `prisma generate` must work where no database is configured.
export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/kc_user' },
});
