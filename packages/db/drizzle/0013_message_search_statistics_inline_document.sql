-- Search at service size (issue 11 benchmark, 2.1M messages of 101 users): a search
-- document with a body is 2–6 KB and hardly compresses, so Postgres stored it out of line:
-- every row a search tests (the newest rows it walks, the candidates a phrase rechecks)
-- cost a TOAST index probe and two chunk reads. STORAGE MAIN keeps it in the row unless the
-- row would not fit a page: reading 33,334 documents took ~50 ms instead of ~155 ms. It
-- applies to documents written from now on (new mail, the body index); existing ones move
-- into their rows when rewritten. Metadata only: no rewrite at any table size.
ALTER TABLE "message" ALTER COLUMN "search_document" SET STORAGE MAIN;
