-- Serial numbers of load barcodes (LD + 10 digits + check digit).
CREATE SEQUENCE IF NOT EXISTS "load_serial" START 1;
