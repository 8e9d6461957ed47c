-- Extensions used by search indexes (pg_trgm ships with PostgreSQL contrib and with PGlite).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
