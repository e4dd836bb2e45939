-- What the review list needs (issue 15, item 5): how a match failed (match:failed's failure: no-article-number,
-- no-row, ambiguous) and the price-list rows an ambiguous reading was close to, for the user to pick from; and where
-- the product page stated another value than OCR read (ocr:completed's disagreements). Both jsonb columns hold an
-- object ({"rows": [...]}, {"fields": [...]}): Hibernate Reactive's Postgres client reads jsonb only as an object.
alter table matches add column failure varchar(40);
alter table matches add column candidates jsonb;
alter table ocr_results add column disagreements jsonb;
