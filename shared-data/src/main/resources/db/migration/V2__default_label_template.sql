-- The built-in template every user can pick: a common shelf-edge label, 58 x 38 mm, euro prices,
-- EAN-13 when the price list has a valid EAN, Code 128 of the article number otherwise.
insert into label_templates (id, user_id, name, width_mm, height_mm, barcode_format, currency, font_size_pt)
values ('default', null, 'Shelf label 58 x 38 mm', 58, 38, 'AUTO', 'EUR', 10);
