-- The word the shop wrote before a from-price ("ab", "from"; ocr:completed's pricePrefix), kept so that a retried
-- label prints it as the first one did.
alter table ocr_results add column price_prefix varchar(40);
