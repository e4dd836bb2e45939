-- The struck-through or "statt/UVP" price the shop showed beside the current one (ocr:completed's
-- previousPrice), kept so that a retried label prints it as the first one did.
alter table ocr_results add column previous_price numeric(14, 4);
